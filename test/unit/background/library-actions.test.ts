import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryActions, type LibraryActions } from '../../../lib/background/library-actions';
import { resolveSavedState } from '../../../lib/background/saved-state-resolver';
import { findSavedByIsrc, findSavedTrack, readAllTracks, readRemovalHistory } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { createTrackDetailsCache } from '../../../lib/spotify/track-details';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const TAB = 7;

async function setUp(): Promise<{ session: StandInSession; actions: LibraryActions; changed: string[]; tabUrl: { value?: string } }> {
  session = await startSession({ library: { size: 120, seed: 3 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  const { db, api } = session;
  const trackDetails = createTrackDetailsCache(api);
  const changed: string[] = [];
  const tabUrl: { value?: string } = {};
  const actions = createLibraryActions({
    api,
    trackDetails,
    signedInLibrary: async () => db,
    readableLibrary: async () => db,
    resolveSavedState: (trackId) =>
      resolveSavedState(
        trackId,
        {
          isSavedInCache: async (id) => (await findSavedTrack(db, id)) !== null,
          savedAlbumsWithIsrc: async (isrc) => (await findSavedByIsrc(db, isrc)).map((track) => track.albumName),
          isrcOf: async (id) => (await trackDetails.get(id)).isrc,
          cacheMayBeStale: async () => false,
          containsOnServer: async () => null,
        },
        () => undefined,
      ),
    tabUrl: async (tabId) => (tabId === TAB ? tabUrl.value : undefined),
    trackChanged: async (trackId) => {
      changed.push(trackId);
    },
    confirmed: () => undefined,
  });
  return { session, actions, changed, tabUrl };
}

const uris = async (s: StandInSession) => (await readAllTracks(s.db)).map((track) => track.uri);

describe('Save and Remove', () => {
  it('saves at once in the cache and at Spotify', async () => {
    const { session, actions, changed } = await setUp();
    const [unsaved] = session.standIn.library.unsavedIds();
    expect(await actions.setTrackSaved(unsaved, true)).toEqual({ kind: 'saved' });
    expect(session.standIn.library.isSaved(unsaved)).toBe(true);
    expect((await uris(session))[0]).toBe(`spotify:track:${unsaved}`);
    expect(changed).toContain(unsaved);
    expect(session.standIn.requests.some((request) => request.method === 'PUT' && request.path === '/v1/me/library')).toBe(true);
  });

  it('a save stamped in whole seconds costs the next sync one request at most', async () => {
    const { session, actions } = await setUp();
    await actions.setTrackSaved(session.standIn.library.unsavedIds()[0], true);
    const result = await syncSavedTracks({ db: session.db, api: session.api });
    expect(result.requests).toBeLessThanOrEqual(2);
    expect(await uris(session)).toEqual(session.standIn.library.saved().map((item) => item.track!.uri));
  });

  it('rolls a save back when Spotify refuses it', async () => {
    const { session, actions } = await setUp();
    const before = await uris(session);
    const [unsaved] = session.standIn.library.unsavedIds();
    session.standIn.faults.push({ kind: 'status', status: 500, times: 10, match: { method: 'PUT', path: '/v1/me/library' } });
    await expect(actions.setTrackSaved(unsaved, true)).rejects.toThrow(/did not save the track/);
    expect(await uris(session)).toEqual(before);
    expect(session.standIn.library.isSaved(unsaved)).toBe(false);
  });

  it('removes at once, and puts a refused removal back in its exact place', async () => {
    const { session, actions } = await setUp();
    const before = await uris(session);
    const middle = before[57].split(':')[2];
    session.standIn.faults.push({ kind: 'status', status: 403, match: { method: 'DELETE', path: '/v1/me/library' } });
    await expect(actions.setTrackSaved(middle, false)).rejects.toThrow(/did not remove the track/);
    expect(await uris(session)).toEqual(before);

    expect(await readRemovalHistory(session.db)).toEqual({ removed: [], searchKeys: [] });

    expect(await actions.setTrackSaved(middle, false)).toEqual({ kind: 'not-saved' });
    expect(await uris(session)).toEqual(before.filter((uri) => uri !== `spotify:track:${middle}`));
    expect(session.standIn.library.isSaved(middle)).toBe(false);
    // Listed under "Removed from Spotify" as removed here; saving it again takes it out.
    expect((await readRemovalHistory(session.db)).removed).toMatchObject([{ track: { id: middle }, by: 'tracklight' }]);
    await actions.setTrackSaved(middle, true);
    expect((await readRemovalHistory(session.db)).removed).toEqual([]);
  });
});

describe('getTabTrack', () => {
  it('describes a saved track from the cache without a request', async () => {
    const { session, actions, tabUrl } = await setUp();
    const saved = session.standIn.library.saved()[3].track!;
    tabUrl.value = `https://open.spotify.com/track/${saved.id}?si=abc`;
    session.resetCounts();
    const before = session.standIn.requests.length;
    const tabTrack = await actions.getTabTrack(TAB);
    expect(tabTrack).toMatchObject({ trackId: saved.id, state: { kind: 'saved' }, details: { name: saved.name } });
    expect(session.standIn.requests.length).toBe(before);
  });

  it('fetches an unknown track once, and finds another saved version by ISRC', async () => {
    const { session, actions, tabUrl } = await setUp();
    const [savedId] = session.standIn.library.idsWithOtherVersion();
    const otherId = session.standIn.library.otherVersionOf(savedId)!.id!;
    tabUrl.value = `https://open.spotify.com/intl-de/track/${otherId}`;
    const tabTrack = await actions.getTabTrack(TAB);
    expect(tabTrack?.state.kind).toBe('other-version');
    expect(tabTrack?.details?.name).toBeTruthy();
    const fetches = session.standIn.count(`/v1/tracks/${otherId}`);
    await actions.getTabTrack(TAB);
    expect(session.standIn.count(`/v1/tracks/${otherId}`)).toBe(fetches);
  });

  it('returns null for a tab without a track', async () => {
    const { actions, tabUrl } = await setUp();
    tabUrl.value = 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy';
    expect(await actions.getTabTrack(TAB)).toBeNull();
  });
});
