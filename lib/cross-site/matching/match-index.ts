import { closeness } from './closeness';
import type { SiteTrack } from '../site-track';
import { createSongReadingOf, siteTrackReadings, type ReadableTrack, type SongReading } from './song-reading';

/**
 * The cached library arranged for "which saved track is the song on this page?" — built once
 * per library version in the background (about 100k tracks: see the report in
 * test/unit/cross-site/matching/match-index.test.ts), then each page costs a few map look-ups.
 */

export interface IndexableTrack extends ReadableTrack {
  uri: string;
  durationMs: number;
}

interface IndexedSong {
  uri: string;
  reading: SongReading;
  durationMs: number;
}

export interface MatchIndex {
  songs: IndexedSong[];
  /** Exact folded title → positions in `songs` (newest saved first). */
  byBase: Map<string, number[]>;
  /** Each title word and each artist key → positions: where close matches are looked for. */
  byWord: Map<string, number[]>;
}

export type SongMatch =
  /** `exact`: same title, version and artist once normalized; `close`: a spelling apart. */
  | { kind: 'saved'; uri: string; how: 'exact' | 'close' }
  /** The same song by the same artist is saved, but as another version (live, remix …). */
  | { kind: 'other-version'; uri: string }
  | { kind: 'none' };

export interface MatchOptions {
  /** Exact matches only ("Strict matching" in options). */
  strict: boolean;
  /** Tracks the user said are not this page's song ("Not this track"). */
  excluded: ReadonlySet<string>;
}

/** Below these a close match is no match: tuned on the table in test/unit/cross-site/matching/match-table.ts. */
const TITLE_CLOSENESS = 0.85;
const ARTIST_CLOSENESS = 0.85;
/** Words this common ("love", "the") find too many candidates to be worth trying alone. */
const COMMON_WORD_POSTINGS = 5000;

export function emptyMatchIndex(): MatchIndex {
  return { songs: [], byBase: new Map(), byWord: new Map() };
}

/**
 * Adds tracks newest saved first (the library's order): earlier ones win ties. One
 * `songReadingOf` for all the additions of one build shares its artist and album work.
 */
export function addToMatchIndex(index: MatchIndex, tracks: Iterable<IndexableTrack>, songReadingOf = createSongReadingOf()): void {
  for (const track of tracks) {
    const reading = songReadingOf(track);
    if (!reading.base) continue;
    const position = index.songs.push({ uri: track.uri, reading, durationMs: track.durationMs }) - 1;
    append(index.byBase, reading.base, position);
    if (reading.alternateBase) append(index.byBase, reading.alternateBase, position);
    for (const word of new Set([...reading.base.split(' '), ...reading.artists])) append(index.byWord, word, position);
  }
}

export function buildMatchIndex(tracks: Iterable<IndexableTrack>): MatchIndex {
  const index = emptyMatchIndex();
  addToMatchIndex(index, tracks);
  return index;
}

function append(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions) {
    if (positions[positions.length - 1] !== position) positions.push(position);
  } else {
    map.set(key, [position]);
  }
}

const RANK = { none: 0, 'other-version': 1, close: 2, exact: 3 } as const;

function rankOf(match: SongMatch): number {
  if (match.kind === 'saved') return RANK[match.how];
  return RANK[match.kind];
}

/** The best match for a site track over all its readings: exact, then close, then another version. */
export function matchSiteTrack(index: MatchIndex, siteTrack: SiteTrack, options: MatchOptions): SongMatch {
  let best: SongMatch = { kind: 'none' };
  for (const reading of siteTrackReadings(siteTrack)) {
    const match = matchReading(index, reading, siteTrack, options);
    if (rankOf(match) > rankOf(best)) best = match;
  }
  return best;
}

function matchReading(index: MatchIndex, reading: SongReading, siteTrack: SiteTrack, options: MatchOptions): SongMatch {
  let otherVersion: string | null = null;
  for (const position of index.byBase.get(reading.base) ?? []) {
    const song = index.songs[position];
    if (options.excluded.has(song.uri) || !artistsAgree(reading.artists, song.reading.artists)) continue;
    if (song.reading.version === reading.version && featuredAgree(reading, song.reading) && durationsAgree(siteTrack, song.durationMs)) {
      return { kind: 'saved', uri: song.uri, how: 'exact' };
    }
    otherVersion ??= song.uri;
  }
  if (!options.strict) {
    const close = closestSong(index, reading, siteTrack, options.excluded);
    if (close) return { kind: 'saved', uri: close, how: 'close' };
  }
  return otherVersion ? { kind: 'other-version', uri: otherVersion } : { kind: 'none' };
}

function featuredAgree(reading: SongReading, saved: SongReading): boolean {
  return reading.featured.every((artist) => saved.artists.includes(artist));
}

/** The track's main artist is among the site's, or the site's main artist among the track's. */
function artistsAgree(siteArtists: readonly string[], trackArtists: readonly string[]): boolean {
  return siteArtists.includes(trackArtists[0]) || trackArtists.includes(siteArtists[0]);
}

/**
 * A song a spelling apart ("Smells Like Teen Sprit", "Florence and the Machine"): same
 * version, title and artist each at least 85 % alike, durations agreeing. The best score
 * wins; among equals the newest saved.
 */
function closestSong(index: MatchIndex, reading: SongReading, siteTrack: SiteTrack, excluded: ReadonlySet<string>): string | null {
  let best: { uri: string; score: number } | null = null;
  for (const position of candidates(index, reading)) {
    const song = index.songs[position];
    if (excluded.has(song.uri) || song.reading.version !== reading.version || !featuredAgree(reading, song.reading)) continue;
    const title = closeness(reading.base, song.reading.base, TITLE_CLOSENESS);
    if (title < TITLE_CLOSENESS) continue;
    const artist = artistCloseness(reading.artists, song.reading.artists);
    if (artist < ARTIST_CLOSENESS) continue;
    if (!durationsAgree(siteTrack, song.durationMs)) continue;
    const score = title + artist;
    if (!best || score > best.score) best = { uri: song.uri, score };
  }
  return best?.uri ?? null;
}

function candidates(index: MatchIndex, reading: SongReading): number[] {
  const lists = [...new Set([...reading.base.split(' '), ...reading.artists])].map((word) => index.byWord.get(word) ?? []);
  const useful = lists.filter((list) => list.length <= COMMON_WORD_POSTINGS);
  const chosen = useful.length > 0 ? useful : lists;
  return [...new Set(chosen.flat())].sort((a, b) => a - b);
}

function artistCloseness(siteArtists: readonly string[], trackArtists: readonly string[]): number {
  let best = 0;
  for (const siteArtist of siteArtists) {
    for (const trackArtist of trackArtists) best = Math.max(best, closeness(siteArtist, trackArtist, ARTIST_CLOSENESS));
  }
  return best;
}

/**
 * A page that states a duration (not a video: its length includes intros and outros) must be
 * within 10 % or 15 s of the saved track; an unlabelled extended or live cut is not the same.
 */
function durationsAgree(siteTrack: SiteTrack, savedMs: number): boolean {
  if (siteTrack.durationMs === undefined || siteTrack.titleMayNameArtist || savedMs <= 0) return true;
  return Math.abs(siteTrack.durationMs - savedMs) <= Math.max(15_000, savedMs * 0.1);
}
