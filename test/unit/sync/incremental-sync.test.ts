import { afterEach, describe, expect, it } from 'vitest';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { SavedTrackObject, TrackObject } from '../../stand-in/spotify-types';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { budgets, startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SIZE = 1000;

async function syncedSession(size = SIZE): Promise<StandInSession> {
  session = await startSession({ library: { size, seed: 7 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  session.resetCounts();
  return session;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => from + index);
}

interface Change {
  name: string;
  added?: number;
  removeAt?: (size: number) => number[];
}

const changes: Change[] = [
  { name: '1 added', added: 1 },
  { name: '49 added', added: 49 },
  { name: '50 added', added: 50 },
  { name: '51 added', added: 51 },
  { name: '120 added', added: 120 },
  { name: 'the newest removed', removeAt: () => [0] },
  { name: 'the oldest removed', removeAt: (n) => [n - 1] },
  { name: 'one in the middle removed', removeAt: () => [567] },
  { name: 'a run at the head removed', removeAt: () => range(0, 3) },
  { name: 'a run at the tail removed', removeAt: (n) => range(n - 3, 3) },
  { name: 'a run across a page boundary removed', removeAt: () => range(47, 6) },
  { name: 'an adjacent run of 10 removed', removeAt: () => range(600, 10) },
  { name: 'scattered removals', removeAt: (n) => [17, 345, 701, n - 2] },
  { name: '3 added and 2 removed', added: 3, removeAt: () => [10, 800] },
  { name: '60 added and the oldest removed', added: 60, removeAt: (n) => [n - 1] },
];

describe('incremental sync', () => {
  it('makes exactly one request when nothing changed', async () => {
    const { db, api, standIn } = await syncedSession();
    const result = await syncSavedTracks({ db, api });
    expect(result).toMatchObject({ kind: 'unchanged', requests: 1, added: 0, removed: 0 });
    expect(session!.tracksRequests()).toBe(1);
    await expectCacheEqualsServer(db, standIn);
  });

  it.each(changes)('$name: cache equals server within the budget', async ({ added = 0, removeAt }) => {
    const { db, api, standIn } = await syncedSession();
    const positions = removeAt?.(SIZE) ?? [];
    // Removals refer to the list before the adds, as "anywhere in N" means.
    standIn.library.removeAt(positions);
    if (added) standIn.library.add(added);

    const result = await syncSavedTracks({ db, api });

    await expectCacheEqualsServer(db, standIn);
    expect(result).toMatchObject({ kind: 'incremental', added, removed: positions.length });
    const budget = (added ? budgets.added(added) : 0) + (positions.length ? budgets.removed(positions.length, SIZE) : 0);
    expect(session!.tracksRequests()).toBeLessThanOrEqual(budget);
  });

  it('falls back to a full sync when bisecting would cost more than reading everything', async () => {
    const { db, api, standIn } = await syncedSession();
    const positions = range(0, 30).map((index) => index * 33 + 7);
    standIn.library.removeAt(positions);
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result.kind).toBe('full');
    expect(session!.tracksRequests()).toBeLessThanOrEqual(budgets.removed(positions.length, SIZE));
  });

  it('sees a track saved again as one removal and one save', async () => {
    const { db, api, standIn } = await syncedSession();
    const [item] = standIn.library.removeAt([600]) as SavedTrackObject[];
    standIn.library.add([item!.track as TrackObject]);
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result).toMatchObject({ kind: 'incremental', added: 1, removed: 1 });
  });

  it.each([
    { added: 30, kind: 'incremental' },
    { added: 120, kind: 'full' },
  ])('fills an empty library with $added saves ($kind) within the budget', async ({ added, kind }) => {
    const { db, api, standIn } = await syncedSession(0);
    standIn.library.add(added);
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result).toMatchObject({ kind, added });
    expect(session!.tracksRequests()).toBeLessThanOrEqual(budgets.added(added));
  });

  it('empties the cache when every track was removed', async () => {
    const { db, api, standIn } = await syncedSession(120);
    standIn.library.removeAt(range(0, 120));
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result).toMatchObject({ removed: 120, total: 0 });
  });

  it('keeps 10,000 tracks exact through a series of changes, within budget each time', async () => {
    const { db, api, standIn } = await syncedSession(10_000);
    const steps: Array<{ added?: number; removeAt?: number[] }> = [
      { removeAt: [5000] },
      { added: 7 },
      { removeAt: [0, 9990] },
      { added: 75, removeAt: [3333, 3334, 3335] },
    ];
    for (const { added = 0, removeAt = [] } of steps) {
      const size = standIn.library.total;
      standIn.library.removeAt(removeAt);
      if (added) standIn.library.add(added);
      session!.resetCounts();
      await syncSavedTracks({ db, api });
      await expectCacheEqualsServer(db, standIn);
      const budget = (added ? budgets.added(added) : 0) + (removeAt.length ? budgets.removed(removeAt.length, size) : 0);
      expect(session!.tracksRequests()).toBeLessThanOrEqual(budget);
    }
  });
});
