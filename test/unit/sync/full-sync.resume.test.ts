import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFullSyncCheckpoint } from '../../../lib/sync/full-sync';
import { openLibraryDb, readLibrarySummary } from '../../../lib/library/store';
import { hasUnfinishedSync, syncSavedTracks } from '../../../lib/sync/sync';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { budgets, startSession, type StandInSession } from '../library/stand-in-session';
import { recordStoreCalls } from '../library/store-reads';

let session: StandInSession | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await session?.close();
  session = undefined;
});

const SIZE = 2000;

/** A full sync cut short, as by a stopped service worker, once `pages` pages were fetched. */
async function syncStoppedAfter(s: StandInSession, pages: number): Promise<void> {
  const stop = new AbortController();
  let fetched = 0;
  await expect(
    syncSavedTracks({
      db: s.db,
      api: s.api,
      signal: stop.signal,
      onProgress: ({ phase }) => {
        if (phase === 'fetching' && ++fetched >= pages) stop.abort(new Error('service worker stopped'));
      },
    }),
  ).rejects.toThrow();
}

/** What a new service worker starts from: a new connection, nothing in memory. */
async function reopenLibrary(s: StandInSession): Promise<void> {
  s.db.close();
  s.db = await openLibraryDb(s.accountKey);
}

/** Offsets of `/me/tracks` requests logged from `from` on. */
function offsetsRequested(s: StandInSession, from: number): number[] {
  return s.standIn.requests
    .slice(from)
    .filter((request) => request.path === '/v1/me/tracks')
    .map((request) => Number(request.query.offset));
}

describe('a full sync stopped part-way', () => {
  it.each([
    { name: 'after a few pages', stopAfterPages: 3 },
    { name: 'half-way', stopAfterPages: 20 },
    { name: 'with every page staged', stopAfterPages: 40 },
  ])('resumes $name from IndexedDB alone, refetching no staged page', async ({ stopAfterPages }) => {
    session = await startSession({ library: { size: SIZE, seed: 31 } });
    const { standIn } = session;
    await syncStoppedAfter(session, stopAfterPages);

    // A new service worker: a new connection and a new API client, nothing in memory.
    await reopenLibrary(session);
    const { db } = session;
    expect(await hasUnfinishedSync(db)).toBe(true);
    const checkpoint = await readFullSyncCheckpoint(db);
    const staged = new Set(checkpoint!.pageTotals.flatMap((total, index) => (total === null ? [] : [index * 50])));
    // Page 0 and every page reported staged, whether or not a chunk (and the checkpoint with it) was written since.
    expect(staged.size).toBeGreaterThanOrEqual(stopAfterPages);
    expect((await readLibrarySummary(db)).complete).toBe(false);

    const resumedFrom = standIn.requests.length;
    const result = await syncSavedTracks({ db, api: session.newApi() });
    expect(result.kind).toBe('full');
    await expectCacheEqualsServer(db, standIn);
    expect(await hasUnfinishedSync(db)).toBe(false);

    const refetched = offsetsRequested(session, resumedFrom);
    // Page 0 comes back once, as the closing read of the pass; nothing else staged does.
    expect(refetched.filter((offset) => offset !== 0 && staged.has(offset))).toEqual([]);
    expect(refetched.filter((offset) => offset === 0).length).toBeLessThanOrEqual(1);
    // Requests aborted in flight are the only extra cost.
    expect(session.tracksRequests()).toBeLessThanOrEqual(budgets.fullSync(SIZE) + 8);
  });

  it('reads the chunks written before the stop back once, a few per read, to publish', async () => {
    session = await startSession({ library: { size: 5000, seed: 34 } });
    const { standIn } = session;
    await syncStoppedAfter(session, 70);
    await reopenLibrary(session);
    const assembled = (await readFullSyncCheckpoint(session.db))!.assembledChunks;
    expect(assembled).toBeGreaterThanOrEqual(2);

    const reads = recordStoreCalls('trackChunks');
    await syncSavedTracks({ db: session.db, api: session.newApi() });
    // Chunks [0, assembled) in batched reads (10 a read); none of the chunks written after the restart.
    expect(reads).toEqual(new Array(Math.ceil(assembled / 10)).fill('getAll'));
    vi.restoreAllMocks();
    await expectCacheEqualsServer(session.db, standIn);
  });

  it('resumes exactly when the saved tracks changed while it was stopped', async () => {
    session = await startSession({ library: { size: SIZE, seed: 33 } });
    const { standIn } = session;
    await syncStoppedAfter(session, 20);
    standIn.library.removeAt([5, 1500]);
    standIn.library.add(4);

    await reopenLibrary(session);
    await syncSavedTracks({ db: session.db, api: session.newApi() });
    await expectCacheEqualsServer(session.db, standIn);
  });

  it('resumes a re-sync without ever showing it before it is complete', async () => {
    session = await startSession({ library: { size: SIZE, seed: 32 } });
    const { standIn } = session;
    await syncSavedTracks({ db: session.db, api: session.api });
    const before = await readLibrarySummary(session.db);
    standIn.library.removeAt(Array.from({ length: 40 }, (_, index) => index * 45));

    await syncStoppedAfter(session, 15);
    await reopenLibrary(session);
    const { db } = session;
    expect(await readLibrarySummary(db)).toEqual(before);

    await syncSavedTracks({ db, api: session.newApi() });
    await expectCacheEqualsServer(db, standIn);
  });
});
