import { afterEach, describe, expect, it } from 'vitest';
import { readAllTracks, readLibrarySummary } from '../../../lib/library/store';
import { LibraryKeptChangingError, syncSavedTracks } from '../../../lib/sync/sync';
import type { StandIn } from '../../stand-in/server';
import type { SavedTrackObject, TrackObject } from '../../stand-in/spotify-types';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { serverTracks, startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SIZE = 1500;
type Mutation = (standIn: StandIn) => void;

const PAGES = SIZE / 50;
/** Saves alone are repaired with a few reads (reconcile.ts case 2); a removal costs another pass (case 3). */
const REPAIR = PAGES + 2 + 4;
const ANOTHER_PASS = 2 * PAGES + 3;

const during: Array<{ name: string; afterRequest: number; change: Mutation; maxRequests: number }> = [
  { name: '3 saves after the first page', afterRequest: 1, change: (s) => s.library.add(3), maxRequests: REPAIR },
  { name: '2 saves mid-way', afterRequest: 12, change: (s) => s.library.add(2), maxRequests: REPAIR },
  { name: '60 saves mid-way', afterRequest: 12, change: (s) => s.library.add(60), maxRequests: REPAIR + 1 },
  { name: 'a save before the last page', afterRequest: 29, change: (s) => s.library.add(1), maxRequests: REPAIR },
  {
    name: 'a removal near the head mid-way',
    afterRequest: 10,
    change: (s) => s.library.removeAt([3]),
    maxRequests: ANOTHER_PASS,
  },
  {
    name: 'a removal at the tail mid-way',
    afterRequest: 10,
    change: (s) => s.library.removeAt([s.library.total - 1]),
    maxRequests: ANOTHER_PASS,
  },
  {
    name: 'a save and a removal that cancel out',
    afterRequest: 15,
    change: (s) => {
      s.library.removeAt([1200]);
      s.library.add(1);
    },
    maxRequests: ANOTHER_PASS,
  },
  {
    name: 'the newest track removed and saved again',
    afterRequest: 10,
    change: (s) => s.library.add([(s.library.removeAt([0])[0] as SavedTrackObject).track as TrackObject]),
    maxRequests: ANOTHER_PASS,
  },
];

describe('a sync while the saved tracks change', () => {
  it.each(during)('full sync, $name: the cache equals the server at the end', async ({ afterRequest, change, maxRequests }) => {
    session = await startSession({ library: { size: SIZE, seed: 11 } });
    const { db, api, standIn } = session;
    standIn.afterRequests(afterRequest, change, '/v1/me/tracks');
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result.requests).toBeLessThanOrEqual(maxRequests);
  });

  it('stops with LibraryKeptChangingError when every pass sees a removal, and finishes once it stops', async () => {
    session = await startSession({ library: { size: SIZE, seed: 12 } });
    const { db, api, standIn } = session;
    let pages = 0;
    const stop = standIn.onRequest((request) => {
      if (request.path === '/v1/me/tracks' && ++pages % 10 === 0) standIn.library.removeAt([100]);
    });
    await expect(syncSavedTracks({ db, api })).rejects.toBeInstanceOf(LibraryKeptChangingError);
    expect((await readLibrarySummary(db)).complete).toBe(false);

    stop();
    await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
  });

  it('incremental sync: a save while removals are being located is caught by the closing read', async () => {
    session = await startSession({ library: { size: SIZE, seed: 13 } });
    const { db, api, standIn } = session;
    await syncSavedTracks({ db, api });
    standIn.library.removeAt([1111]);
    standIn.afterRequests(3, (s) => s.library.add(1), '/v1/me/tracks');
    const result = await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(result.kind).toBe('incremental');
  });

  it('a re-sync is invisible until it is complete: readers keep the last complete library', async () => {
    session = await startSession({ library: { size: SIZE, seed: 14 } });
    const { db, api, standIn } = session;
    await syncSavedTracks({ db, api });
    const before = serverTracks(standIn);
    const versionBefore = (await readLibrarySummary(db)).version;
    // Scattered removals everywhere: cheaper to read everything again than to bisect.
    standIn.library.removeAt(Array.from({ length: 40 }, (_, index) => index * 37));

    const seenDuringSync: Array<Promise<string[]>> = [];
    const result = await syncSavedTracks({
      db,
      api,
      onProgress: ({ phase }) => {
        if (phase !== 'fetching') return;
        seenDuringSync.push(readAllTracks(db).then((tracks) => tracks.map((track) => `${track.uri}@${track.addedAt}`)));
      },
    });
    expect(result.kind).toBe('full');
    for (const seen of await Promise.all(seenDuringSync)) expect(seen).toEqual(before);
    await expectCacheEqualsServer(db, standIn);
    expect((await readLibrarySummary(db)).version).toBeGreaterThan(versionBefore);
  });

  it('the very first sync shows partial results, marked partial, as chunks complete', async () => {
    session = await startSession({ library: { size: SIZE, seed: 15 } });
    const { db, api, standIn } = session;
    const partial: Array<Promise<{ total: number; complete: boolean }>> = [];
    await syncSavedTracks({ db, api, onProgress: () => partial.push(readLibrarySummary(db)) });
    const summaries = await Promise.all(partial);
    expect(summaries.some((summary) => !summary.complete && summary.total > 0)).toBe(true);
    expect(summaries.every((summary) => summary.complete === false || summary.total === SIZE)).toBe(true);
    await expectCacheEqualsServer(db, standIn);
  });
});
