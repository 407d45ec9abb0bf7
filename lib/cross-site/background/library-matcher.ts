import { addToMatchIndex, emptyMatchIndex, matchSiteTrack, type MatchIndex, type MatchOptions, type SongMatch } from '../matching/match-index';
import type { SiteTrack } from '../site-track';
import { createSongReadingOf } from '../matching/song-reading';
import { findSavedByIsrc, findSavedTrack, readLibrarySummary, readTrackChunk, type LibraryDb } from '../../library/store';
import type { StoredTrack } from '../../tracks/stored-track';
import type { MatchedTrack, TabMatch } from '../tab-match';

export interface LibraryMatcherDeps {
  /** The cached library badges read (null when there is none). */
  library(): Promise<LibraryDb | null>;
  now?: () => number;
}

export interface LibraryMatcher {
  /** Matches a site track against the cache: no Spotify call, ever. */
  match(track: SiteTrack, options: MatchOptions): Promise<TabMatch>;
}

/**
 * During the first sync the library grows every 1.5 s: an index this young is good enough
 * until the sync completes, instead of rebuilding it 60 times a minute.
 */
const PARTIAL_INDEX_REUSE_MS = 10_000;

interface BuiltIndex {
  db: LibraryDb;
  version: number;
  builtAt: number;
  index: Promise<MatchIndex>;
}

/**
 * The match index (lib/cross-site/matching/match-index.ts) of the cached library, built on first use and
 * again whenever the library's version changes — read chunk by chunk, so the whole library is
 * never held twice.
 */
export function createLibraryMatcher(deps: LibraryMatcherDeps): LibraryMatcher {
  const now = deps.now ?? Date.now;
  let built: BuiltIndex | null = null;

  async function indexOf(db: LibraryDb): Promise<MatchIndex> {
    const summary = await readLibrarySummary(db);
    const reusable = built?.db === db && (built.version === summary.version || (!summary.complete && now() - built.builtAt < PARTIAL_INDEX_REUSE_MS));
    if (!reusable) {
      built = { db, version: summary.version, builtAt: now(), index: readIndex(db) };
      built.index.catch(() => (built = null));
    }
    return built!.index;
  }

  async function details(db: LibraryDb, uri: string): Promise<MatchedTrack | null> {
    const track = await findSavedTrack(db, uri);
    return track && toMatchedTrack(track);
  }

  return {
    async match(track, options) {
      const readAs = { title: track.title, artists: track.artists };
      const db = await deps.library();
      if (!db) return { readAs, kind: 'not-saved', how: null, track: null, rejected: options.excluded.size };
      let match: SongMatch | { kind: 'saved'; uri: string; how: 'isrc' } | null = null;
      if (track.isrc) {
        const sameRecording = (await findSavedByIsrc(db, track.isrc)).find((saved) => !options.excluded.has(saved.uri));
        if (sameRecording) match = { kind: 'saved', uri: sameRecording.uri, how: 'isrc' };
      }
      match ??= matchSiteTrack(await indexOf(db), track, options);
      const matched = match.kind === 'none' ? null : await details(db, match.uri);
      // The index may trail the cache by a removal: a track no longer cached matches nothing.
      if (!matched) return { readAs, kind: 'not-saved', how: null, track: null, rejected: options.excluded.size };
      return {
        readAs,
        kind: match.kind === 'saved' ? 'saved' : 'other-version',
        how: match.kind === 'saved' ? match.how : null,
        track: matched,
        rejected: options.excluded.size,
      };
    },
  };
}

async function readIndex(db: LibraryDb): Promise<MatchIndex> {
  const index = emptyMatchIndex();
  const songReadingOf = createSongReadingOf();
  for (let chunk = 0; ; chunk++) {
    const rows = await readTrackChunk(db, chunk);
    if (rows.length === 0) return index;
    addToMatchIndex(index, rows, songReadingOf);
  }
}

function toMatchedTrack(track: StoredTrack): MatchedTrack {
  return {
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => artist.name),
    albumName: track.album.name,
    addedAt: track.addedAt,
  };
}
