import { afterEach, describe, expect, it } from 'vitest';
import {
  applyLocalRemove,
  applyLocalSave,
  countRemovedTracks,
  forgetRemovedTracks,
  readAllTracks,
  readRemovalHistory,
  readRemovedTracks,
  undoLocalRemove,
  undoLocalSave,
} from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import type { SavedTrackObject } from '../../stand-in/spotify-types';
import { expectCacheEqualsServer } from './cache-assertions';
import { startSession, type StandInSession } from './stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function syncedSession(size: number, seed = 5): Promise<StandInSession> {
  session = await startSession({ library: { size, seed } });
  await syncSavedTracks({ db: session.db, api: session.api });
  return session;
}

const at = (iso: string) => () => Date.parse(iso);
const storedTracks = (items: readonly unknown[]): StoredTrack[] => items.flatMap((item) => toStoredTrack(item as SavedTrackObject) ?? []);
const uris = (tracks: readonly { uri: string }[]) => tracks.map((track) => track.uri);

async function historyUris(s: StandInSession): Promise<string[]> {
  return uris((await readRemovalHistory(s.db)).removed.map((removed) => removed.track));
}

describe('the history of removals', () => {
  it('keeps what an incremental sync finds gone, as it was cached, with the time it was found', async () => {
    const s = await syncedSession(1000);
    const cached = await readAllTracks(s.db);
    const gone = storedTracks(s.standIn.library.removeAt([3, 420, 421, 999]));
    const result = await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-05T08:00:00.750Z') });
    expect(result).toMatchObject({ kind: 'incremental', removed: 4 });
    await expectCacheEqualsServer(s.db, s.standIn);

    const history = await readRemovalHistory(s.db);
    expect(new Set(uris(history.removed.map((removed) => removed.track)))).toEqual(new Set(uris(gone)));
    for (const removed of history.removed) {
      expect(removed).toEqual({ track: cached.find((track) => track.uri === removed.track.uri), removedAt: '2026-11-05T08:00:00Z', by: 'sync' });
    }
    expect(history.searchKeys).toEqual(history.removed.map((removed) => searchKeyOf(removed.track)));
  });

  it('lists the newest removals first, and a track removed twice once, at its last removal', async () => {
    const s = await syncedSession(300);
    const [first] = storedTracks(s.standIn.library.removeAt([10]));
    await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-01T10:00:00Z') });
    const [second] = storedTracks(s.standIn.library.removeAt([20]));
    await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-02T10:00:00Z') });
    expect(await historyUris(s)).toEqual([second!.uri, first!.uri]);

    s.standIn.library.add([s.standIn.library.track(first!.id!)!]);
    await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-03T10:00:00Z') });
    expect(await historyUris(s)).toEqual([second!.uri]);
    s.standIn.library.removeIds([first!.id!]);
    await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-04T10:00:00Z') });
    const history = await readRemovalHistory(s.db);
    expect(uris(history.removed.map((removed) => removed.track))).toEqual([first!.uri, second!.uri]);
    expect(history.removed[0]!.removedAt).toBe('2026-11-04T10:00:00Z');
    expect(await countRemovedTracks(s.db)).toBe(2);
  });

  it('does not count a track saved again during the same sync as removed', async () => {
    const s = await syncedSession(500);
    const id = s.standIn.library.savedIds()[250]!;
    s.standIn.library.removeIds([id]);
    s.standIn.clock.advance(60_000);
    s.standIn.library.add([s.standIn.library.track(id)!]);
    const result = await syncSavedTracks({ db: s.db, api: s.api });
    expect(result.kind).not.toBe('unchanged');
    await expectCacheEqualsServer(s.db, s.standIn);
    expect(await historyUris(s)).toEqual([]);
  });

  it('keeps what a full re-sync finds gone, and lets go of what it finds saved again', async () => {
    const s = await syncedSession(1200);
    const [resaved] = storedTracks(s.standIn.library.removeAt([600]));
    await syncSavedTracks({ db: s.db, api: s.api });
    expect(await historyUris(s)).toEqual([resaved!.uri]);

    // Scattered removals too many to find by bisection: the sync reads everything again.
    const positions = Array.from({ length: 150 }, (_, index) => index * 7 + 3);
    const gone = storedTracks(s.standIn.library.removeAt(positions));
    s.standIn.library.add([s.standIn.library.track(resaved!.id!)!]);
    const result = await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-06T12:00:00Z') });
    expect(result).toMatchObject({ kind: 'full', removed: gone.length });
    await expectCacheEqualsServer(s.db, s.standIn);

    const history = await readRemovalHistory(s.db);
    expect(new Set(uris(history.removed.map((removed) => removed.track)))).toEqual(new Set(uris(gone)));
    expect(new Set(history.removed.map((removed) => `${removed.removedAt} ${removed.by}`))).toEqual(new Set(['2026-11-06T12:00:00Z sync']));
  });

  it('records nothing on the first sync', async () => {
    const s = await syncedSession(700);
    expect(await countRemovedTracks(s.db)).toBe(0);
  });

  it('lists a Remove made in Tracklight, and forgets it when the call failed and it was put back', async () => {
    const s = await syncedSession(200);
    const [track] = await readAllTracks(s.db);
    const removal = (await applyLocalRemove(s.db, track!.uri, Date.parse('2026-11-07T09:15:30.400Z')))!;
    expect((await readRemovalHistory(s.db)).removed).toEqual([{ track, removedAt: '2026-11-07T09:15:30Z', by: 'tracklight' }]);
    await undoLocalRemove(s.db, removal);
    expect(await countRemovedTracks(s.db)).toBe(0);
  });

  it('takes a track out when it is saved in Tracklight, and puts it back when that save failed', async () => {
    const s = await syncedSession(200);
    const [gone] = storedTracks(s.standIn.library.removeAt([40]));
    await syncSavedTracks({ db: s.db, api: s.api, now: at('2026-11-08T00:00:00Z') });
    const before = await readRemovalHistory(s.db);
    expect(uris(before.removed.map((removed) => removed.track))).toEqual([gone!.uri]);

    const save = (await applyLocalSave(s.db, { ...gone!, addedAt: '2026-11-09T00:00:00Z' }))!;
    expect(await countRemovedTracks(s.db)).toBe(0);
    await undoLocalSave(s.db, save);
    expect(await readRemovalHistory(s.db)).toEqual(before);
  });

  it('reads entries by URI and forgets restored ones', async () => {
    const s = await syncedSession(300);
    const gone = storedTracks(s.standIn.library.removeAt([5, 6, 7]));
    await syncSavedTracks({ db: s.db, api: s.api });
    const wanted = [gone[2]!.uri, 'spotify:track:0000000000000000000000', gone[0]!.uri];
    expect(uris((await readRemovedTracks(s.db, wanted)).map((removed) => removed.track))).toEqual([gone[2]!.uri, gone[0]!.uri]);
    await forgetRemovedTracks(s.db, [gone[0]!.uri, gone[2]!.uri]);
    expect(await historyUris(s)).toEqual([gone[1]!.uri]);
  });
});
