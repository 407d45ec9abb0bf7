import { afterEach, describe, expect, it } from 'vitest';
import { readLibrarySnapshot } from '../../../lib/library-view/read-library';
import { readLibrarySummary } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { searchKeyOf } from '../../../lib/search/search-key';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('reading the library for the page', () => {
  it('returns every track with its own search key, newest first', async () => {
    session = await startSession({ library: { size: 2500, seed: 31 } });
    await syncSavedTracks({ db: session.db, api: session.api });
    const snapshot = await readLibrarySnapshot(session.db);
    const expected = session.standIn.library.saved().flatMap((item) => toStoredTrack(item) ?? []);
    expect(snapshot?.tracks).toEqual(expected);
    expect(snapshot?.searchKeys).toEqual(expected.map(searchKeyOf));
    expect(snapshot?.summary).toEqual(await readLibrarySummary(session.db));
  });

  it('gives an empty library before the first sync', async () => {
    session = await startSession({ library: { size: 10, seed: 1 } });
    expect(await readLibrarySnapshot(session.db)).toEqual({
      summary: { total: 0, complete: false, lastSyncedAt: null, version: 0, unavailable: 0 },
      tracks: [],
      searchKeys: [],
    });
  });
});
