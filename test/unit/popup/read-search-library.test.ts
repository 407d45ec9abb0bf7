import { afterEach, describe, expect, it } from 'vitest';
import { readAllTracks, readChunkSizes, readTrackChunk } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { readSearchLibrary } from '../../../lib/popup/read-search-library';
import { TrackChunkCache } from '../../../lib/popup/track-chunk-cache';
import { searchKeyOf } from '../../../lib/search/search-key';
import { createLibrarySearch } from '../../../lib/search/search-library';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('readSearchLibrary', () => {
  it('reads an empty library before the first sync', async () => {
    session = await startSession({ library: { size: 10 } });
    expect(await readSearchLibrary(session.db)).toEqual({ keys: [], sizes: [], version: 0 });
  });

  it('gives keys and chunk sizes of one version, which place every search result on its track', async () => {
    session = await startSession({ library: { size: 2600, seed: 5 } });
    const { db } = session;
    await syncSavedTracks({ db, api: session.api });

    const { keys, sizes, version } = await readSearchLibrary(db);
    expect(version).toBe((await readChunkSizes(db)).version);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(keys.length);
    const all = await readAllTracks(db);
    expect(keys).toEqual(all.map(searchKeyOf));

    // What the popup does with them: search, then find each result's track by chunk.
    const tracks = new TrackChunkCache(sizes, (chunk) => readTrackChunk(db, chunk));
    const query = all[2000]!.artists[0]!.name;
    const { positions } = createLibrarySearch(keys).search(query, { limit: 20 });
    await tracks.load(positions);
    expect(positions.map((position) => tracks.trackAt(position)?.uri)).toEqual(positions.map((position) => all[position]!.uri));
  });
});
