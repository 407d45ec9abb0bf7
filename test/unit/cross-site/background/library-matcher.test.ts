import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryMatcher } from '../../../../lib/cross-site/background/library-matcher';
import { applyLocalRemove, readAllTracks } from '../../../../lib/library/store';
import { syncSavedTracks } from '../../../../lib/sync/sync';
import { startSession, type StandInSession } from '../../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const LOOSE = { strict: false, excluded: new Set<string>() };

describe('matching site tracks against the cached library', () => {
  it('finds a cached track from a video title, by ISRC, and follows the cache as it changes', async () => {
    session = await startSession({ library: { size: 300, seed: 9 } });
    await syncSavedTracks({ db: session.db, api: session.api });
    const db = session.db;
    const matcher = createLibraryMatcher({ library: async () => db });
    const [target] = (await readAllTracks(db)).filter((track) => !track.isLocal && !/[([-]/.test(track.name));

    const siteTrack = { title: `${target.artists[0].name} - ${target.name} (Official Video)`, artists: ['Some Channel'], titleMayNameArtist: true as const };
    const found = await matcher.match(siteTrack, LOOSE);
    expect(found).toMatchObject({ kind: 'saved', how: 'exact', track: { uri: target.uri, name: target.name, addedAt: target.addedAt } });
    expect(found.readAs).toEqual({ title: siteTrack.title, artists: siteTrack.artists });

    const byIsrc = await matcher.match({ title: 'Whatever the page says', artists: ['Anyone'], isrc: target.isrc! }, LOOSE);
    expect(byIsrc).toMatchObject({ kind: 'saved', how: 'isrc', track: { uri: target.uri } });

    await applyLocalRemove(db, target.uri, Date.now());
    const afterRemoval = await matcher.match(siteTrack, LOOSE);
    expect(afterRemoval.track?.uri).not.toBe(target.uri);
  });

  it('says not saved when there is no library', async () => {
    const matcher = createLibraryMatcher({ library: async () => null });
    expect(await matcher.match({ title: 'Hello', artists: ['Adele'] }, LOOSE)).toEqual({
      readAs: { title: 'Hello', artists: ['Adele'] },
      kind: 'not-saved',
      how: null,
      track: null,
      rejected: 0,
    });
  });
});
