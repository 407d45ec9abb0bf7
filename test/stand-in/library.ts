/**
 * A seeded, deterministic Spotify library: the saved tracks (newest first) and a catalog of
 * tracks that exist but are not saved.
 *
 * What it contains on purpose, because the extension must cope with it:
 * - names with diacritics, CJK, Hangul, Cyrillic, Arabic and punctuation (see words.ts),
 *   "(feat. X)", " - Remastered 2011", "(Live)", explicit tracks;
 * - the same recording (same ISRC) as a single and on an album: sometimes both saved,
 *   sometimes only one, with the other in the catalog (`otherVersions`);
 * - ~0.5% local files (`is_local`, null ids, `spotify:local:` URI), ~1% unplayable tracks;
 * - `added_at` decreasing in steps of seconds (one sitting) to days (between sittings) over
 *   several years, with busy and quiet months, and a few same-second ties;
 * - album release dates never after the moment the track was saved.
 *
 * Albums and artists are shared objects across their tracks, and so is the markets array:
 * 100,000 tracks take about 150 ms and well under 200 MB. Treat the objects as read-only.
 */
import { MARKETS, NO_MARKETS } from './markets';
import { IdFactory, Random } from './random';
import type {
  AlbumType,
  ImageObject,
  LocalTrackObject,
  ReleaseDatePrecision,
  SavedTrackObject,
  SimplifiedAlbumObject,
  SimplifiedArtistObject,
  TrackObject,
} from './spotify-types';
import { BAND_NOUNS, FIRST_NAMES, LAST_NAMES, LIVE_VENUES, NAMED_ARTISTS, TITLE_WORDS, type Language } from './words';

export const DEFAULT_LIBRARY_NOW = Date.parse('2026-11-01T12:00:00Z');
export const SPOTIFY_API_BASE = 'https://api.spotify.com/v1';
export const SPOTIFY_IMAGE_BASE = 'https://i.scdn.co/image/';

export interface LibraryOptions {
  /** Number of saved tracks. */
  size: number;
  seed?: number;
  /** Epoch ms; the newest saved track is up to an hour older. */
  now?: number;
  /** Base of the `href` fields (the stand-in passes its own). */
  apiBase?: string;
  /** Base of the cover image URLs (the stand-in passes its own `/image/`). */
  imageBase?: string;
}

export interface GeneratedLibrary {
  /** Newest first. */
  saved: SavedTrackObject[];
  /** Tracks that exist but are not saved: at least max(20, size / 10) of them. */
  unsaved: TrackObject[];
  /** Saved track id → id of an unsaved track with the same ISRC on another album. */
  otherVersions: ReadonlyMap<string, string>;
  /** Pairs of saved track ids that are one recording (same ISRC) on two albums. */
  bothVersionsSaved: ReadonlyArray<readonly [string, string]>;
}

/** The saved tracks only, newest first. */
export function generateLibrary(options: LibraryOptions): SavedTrackObject[] {
  return generateLibraryAndCatalog(options).saved;
}

export function generateLibraryAndCatalog(options: LibraryOptions): GeneratedLibrary {
  const { size, seed = 1, now = DEFAULT_LIBRARY_NOW } = options;
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be an integer ≥ 0, got ${size}`);
  const generator = new LibraryGenerator(seed, size, options.apiBase ?? SPOTIFY_API_BASE, options.imageBase ?? SPOTIFY_IMAGE_BASE);
  return generator.generate(now);
}

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const YEAR = 365.25 * DAY;

const LOCAL_FILE_SHARE = 0.005;
const UNPLAYABLE_SHARE = 0.01;
const EXPLICIT_SHARE = 0.12;
const FEATURING_SHARE = 0.06;
/** Chance that the next saved track comes from the same sitting: sittings average 2.5 saves. */
const SAME_SITTING = 0.6;
/** Spotify stores `added_at` in seconds; bulk saves share one. */
const SAME_SECOND_TIE = 0.005;
const LIBRARY_SPAN = 6.5 * YEAR;
/** Chance that a sitting goes back to one of the last 64 albums instead of a new one. */
const ALBUM_REVISIT = 0.35;

const ISRC_COUNTRY: Readonly<Record<Language, readonly string[]>> = {
  en: ['US', 'GB', 'SE', 'IS'],
  es: ['ES', 'MX', 'US'],
  fr: ['FR', 'CA'],
  de: ['DE'],
  is: ['IS'],
  pt: ['BR', 'PT'],
  ja: ['JP'],
  ko: ['KR'],
  zh: ['TW', 'HK'],
  ru: ['RU'],
  uk: ['UA'],
  ar: ['LB'],
};

interface Artist {
  object: SimplifiedArtistObject;
  language: Language;
  /** Signature songs not used yet. */
  signatures: string[];
  isrcRegistrant: string;
}

interface Song {
  title: string;
  artists: SimplifiedArtistObject[];
  isrc: string;
  durationMs: number;
  explicit: boolean;
}

interface AlbumInProgress {
  object: SimplifiedAlbumObject;
  artist: Artist;
  releasedAt: number;
  releaseYear: number;
  /** Year of the first save from this album: later saves are newer, so remasters stay before it. */
  firstSavedYear: number;
  live: boolean;
  /** Track numbers not yet used, in the order they will be used. */
  trackNumbers: number[];
}

/** Where the generator files unsaved tracks and the pairs of versions of one recording. */
interface VersionBook {
  unsaved: TrackObject[];
  otherVersions: Map<string, string>;
  bothVersionsSaved: Array<readonly [string, string]>;
  /** Second versions to save at a newer position (`dueIndex`) than their first (`firstId`). */
  savedLater: Array<{ track: TrackObject; dueIndex: number; firstId: string }>;
}

/** When each saved track was added: newest first, whole seconds. */
interface Timeline {
  addedAt: Float64Array;
  /** `sameSitting[i]`: track i was saved in the same sitting as the older track i + 1. */
  sameSitting: Uint8Array;
}

class LibraryGenerator {
  readonly #random: Random;
  readonly #ids: IdFactory;
  readonly #size: number;
  readonly #apiBase: string;
  readonly #imageBase: string;
  readonly #artists: Artist[];
  #songCount = 0;

  constructor(seed: number, size: number, apiBase: string, imageBase: string) {
    this.#random = new Random(seed);
    this.#ids = new IdFactory(seed);
    this.#size = size;
    this.#apiBase = apiBase;
    this.#imageBase = imageBase;
    this.#artists = this.#createArtists(Math.min(2500, Math.max(20, Math.round(size / 40))));
  }

  generate(now: number): GeneratedLibrary {
    const size = this.#size;
    const random = this.#random;
    const timeline = this.#planTimeline(now);
    const saved = new Array<SavedTrackObject>(size);
    const versions: VersionBook = { unsaved: [], otherVersions: new Map(), bothVersionsSaved: [], savedLater: [] };
    const unsavedTarget = Math.max(20, Math.floor(size / 10));
    const otherVersionShare = Math.max(0.03, Math.min(0.25, 10 / size));
    // Small libraries still get a local file and an unplayable track to test with: the first
    // track at or after (newer than) these positions, unless chance already made one.
    let localDueAt = size >= 20 ? Math.floor(size * 0.37) : -1;
    let unplayableDueAt = size >= 20 ? Math.floor(size * 0.21) : -1;

    let album: AlbumInProgress | undefined;
    const recentAlbums: AlbumInProgress[] = [];
    // Oldest first, so that a track saved twice is saved first as the older version.
    for (let i = size - 1; i >= 0; i--) {
      const addedAt = timeline.addedAt[i]!;
      const due = versions.savedLater.findIndex((entry) => entry.dueIndex >= i);
      let track: TrackObject | LocalTrackObject;
      if (due >= 0) {
        const [entry] = versions.savedLater.splice(due, 1);
        track = entry!.track;
        versions.bothVersionsSaved.push([entry!.firstId, track.id]);
      } else if (i <= localDueAt || random.chance(LOCAL_FILE_SHARE)) {
        track = this.#localTrack();
        localDueAt = -1;
      } else {
        if (!album || !timeline.sameSitting[i] || album.trackNumbers.length === 0) {
          album = this.#albumForSitting(recentAlbums, addedAt);
        }
        const { track: albumTrack, song } = this.#trackOn(album, i <= unplayableDueAt);
        if (!albumTrack.is_playable) unplayableDueAt = -1;
        track = albumTrack;
        if (album.object.album_type === 'album' && !album.live && random.chance(otherVersionShare)) {
          track = this.#withSingleVersion(albumTrack, song, album, i, versions);
        } else if (versions.unsaved.length < unsavedTarget && album.trackNumbers.length > 0 && random.chance(0.15)) {
          versions.unsaved.push(this.#trackOn(album, false).track);
        }
      }
      saved[i] = { added_at: isoSeconds(addedAt), track };
    }
    for (const { track, firstId } of versions.savedLater) {
      versions.unsaved.push(track);
      versions.otherVersions.set(firstId, track.id);
    }
    while (versions.unsaved.length < unsavedTarget) {
      const catalogAlbum = this.#newAlbum(this.#pickArtist(), now);
      while (catalogAlbum.trackNumbers.length > 0 && versions.unsaved.length < unsavedTarget) {
        versions.unsaved.push(this.#trackOn(catalogAlbum, false).track);
      }
    }
    const { unsaved, otherVersions, bothVersionsSaved } = versions;
    return { saved, unsaved, otherVersions, bothVersionsSaved };
  }

  /**
   * The album track at position `i` also came out earlier as a single (same ISRC). Then the
   * user saved both (the second one later on), only the album version, or only the single.
   * Returns the track to save at `i`.
   */
  #withSingleVersion(albumTrack: TrackObject, song: Song, album: AlbumInProgress, i: number, versions: VersionBook): TrackObject {
    const single = this.#singleVersion(song, album);
    const outcome = this.#random.next();
    if (outcome < 0.4 && i > 0) {
      versions.savedLater.push({ track: single, dueIndex: this.#random.int(Math.max(0, i - 3000), i - 1), firstId: albumTrack.id });
      return albumTrack;
    }
    const [savedVersion, unsavedVersion] = outcome < 0.75 ? [albumTrack, single] : [single, albumTrack];
    versions.unsaved.push(unsavedVersion);
    versions.otherVersions.set(savedVersion.id, unsavedVersion.id);
    return savedVersion;
  }

  /**
   * Walks back from `now`. Within a sitting, saves are seconds to minutes apart. Between
   * sittings the gap is exponential, scaled per block of sittings so that some months are
   * busy and some quiet (the library page's growth chart needs that) and older months
   * sparser; then all gaps are scaled so the library spans LIBRARY_SPAN whatever its size.
   */
  #planTimeline(now: number): Timeline {
    const size = this.#size;
    const random = this.#random;
    const sameSitting = new Uint8Array(size);
    const gaps = new Float64Array(size);
    const sittings = Math.max(1, Math.round(size * (1 - SAME_SITTING)));
    const blocks = Math.max(1, Math.round(LIBRARY_SPAN / (30 * DAY)));
    const activity = Array.from({ length: blocks }, (_, block) => {
      const quiet = random.chance(0.05) ? 6 : 1;
      const older = 0.6 + (1.2 * block) / blocks;
      return Math.exp(0.8 * random.normal()) * quiet * older;
    });
    let sitting = 0;
    let withinSittings = 0;
    let betweenSittings = 0;
    for (let i = 0; i < size; i++) {
      if (random.chance(SAME_SITTING)) {
        sameSitting[i] = 1;
        gaps[i] = random.chance(SAME_SECOND_TIE) ? 0 : random.int(4, 240);
        withinSittings += gaps[i]!;
      } else {
        const block = Math.min(blocks - 1, Math.floor((sitting++ * blocks) / sittings));
        gaps[i] = random.exponential(activity[block]!);
        betweenSittings += gaps[i]!;
      }
    }
    const span = Math.min(LIBRARY_SPAN, size * 30 * DAY) / SECOND;
    const scale = Math.max(0, span - withinSittings) / Math.max(betweenSittings, 1e-9);
    const addedAt = new Float64Array(size);
    let time = Math.floor(now / SECOND) * SECOND - random.int(60, 3600) * SECOND;
    for (let i = 0; i < size; i++) {
      addedAt[i] = time;
      const seconds = sameSitting[i] ? gaps[i]! : Math.max(600, Math.round(gaps[i]! * scale));
      time -= seconds * SECOND;
    }
    return { addedAt, sameSitting };
  }

  /** A new sitting: mostly a new album, sometimes back to an album saved from before. */
  #albumForSitting(recentAlbums: AlbumInProgress[], addedAt: number): AlbumInProgress {
    if (recentAlbums.length > 0 && this.#random.chance(ALBUM_REVISIT)) {
      const revisited = this.#random.pick(recentAlbums);
      if (revisited.trackNumbers.length > 0) return revisited;
    }
    const album = this.#newAlbum(this.#pickArtist(), addedAt);
    recentAlbums.push(album);
    if (recentAlbums.length > 64) recentAlbums.shift();
    return album;
  }

  #createArtists(madeUpCount: number): Artist[] {
    const artists = NAMED_ARTISTS.map((named) => this.#artist(named.name, named.language, [...named.signatures]));
    const names = new Set(artists.map((artist) => artist.object.name));
    const random = this.#random;
    const languages: Language[] = ['en', 'en', 'en', 'en', 'en', 'en', 'es', 'fr', 'de', 'pt', 'ja', 'ko', 'ru'];
    for (let attempts = 0; artists.length < NAMED_ARTISTS.length + madeUpCount && attempts < madeUpCount * 4; attempts++) {
      const name = random.chance(0.6)
        ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
        : `The ${random.pick(TITLE_WORDS.en.first)} ${random.pick(BAND_NOUNS)}`;
      if (names.has(name)) continue;
      names.add(name);
      artists.push(this.#artist(name, random.pick(languages), []));
    }
    return artists;
  }

  #artist(name: string, language: Language, signatures: string[]): Artist {
    const id = this.#ids.next();
    const object: SimplifiedArtistObject = {
      external_urls: { spotify: `https://open.spotify.com/artist/${id}` },
      href: `${this.#apiBase}/artists/${id}`,
      id,
      name,
      type: 'artist',
      uri: `spotify:artist:${id}`,
    };
    const registrant = id.slice(0, 3).toUpperCase();
    return { object, language, signatures, isrcRegistrant: registrant };
  }

  /** Named artists (listed first) come up far more often than made-up ones, as in real libraries. */
  #pickArtist(): Artist {
    const r = this.#random.next();
    return this.#artists[Math.floor(r * r * this.#artists.length)]!;
  }

  #title(language: Language): string {
    const words = TITLE_WORDS[language];
    const random = this.#random;
    return random.chance(0.25) ? random.pick(words.singles) : words.join(random.pick(words.first), random.pick(words.second));
  }

  #newAlbum(artist: Artist, latestRelease: number): AlbumInProgress {
    const random = this.#random;
    const roll = random.next();
    const albumType: AlbumType = roll < 0.22 ? 'single' : roll < 0.97 ? 'album' : 'compilation';
    const totalTracks = albumType === 'single' ? random.int(1, 3) : albumType === 'album' ? random.int(7, 16) : random.int(12, 24);
    const live = albumType === 'album' && random.chance(0.04);
    const release = this.#releaseDate(latestRelease);
    let name: string;
    if (albumType === 'compilation') name = random.chance(0.5) ? 'Greatest Hits' : `The Best of ${artist.object.name}`;
    else if (live) name = `Live at ${random.pick(LIVE_VENUES)}`;
    else if (albumType === 'album' && random.chance(0.08)) name = artist.object.name;
    // biome-ignore lint/suspicious/noDuplicateElseIf: a second draw, not the same test (seeded libraries depend on the draws)
    else if (albumType === 'album' && random.chance(0.08)) name = `${this.#title(artist.language)} (Deluxe Edition)`;
    else name = albumType === 'single' ? this.#songTitle(artist) : this.#title(artist.language);

    const trackNumbers = random.shuffle(Array.from({ length: totalTracks }, (_, index) => index + 1));
    if (albumType === 'single') {
      // The title track of a single comes first, under the single's name.
      trackNumbers.splice(trackNumbers.indexOf(1), 1);
      trackNumbers.unshift(1);
    }
    return {
      object: this.#albumObject(albumType, totalTracks, name, release, artist.object),
      artist,
      releasedAt: release.time,
      releaseYear: release.year,
      firstSavedYear: utcYear(latestRelease),
      live,
      trackNumbers,
    };
  }

  #albumObject(
    albumType: AlbumType,
    totalTracks: number,
    name: string,
    release: { date: string; precision: ReleaseDatePrecision },
    artist: SimplifiedArtistObject,
  ): SimplifiedAlbumObject {
    const id = this.#ids.next();
    const cover = this.#ids.hex40();
    // i.scdn.co's size prefixes, so URLs look (and sort) like Spotify's.
    const images: ImageObject[] = [
      { url: `${this.#imageBase}ab67616d0000b273${cover}`, height: 640, width: 640 },
      { url: `${this.#imageBase}ab67616d00001e02${cover}`, height: 300, width: 300 },
      { url: `${this.#imageBase}ab67616d00004851${cover}`, height: 64, width: 64 },
    ];
    return {
      album_type: albumType,
      total_tracks: totalTracks,
      available_markets: MARKETS,
      external_urls: { spotify: `https://open.spotify.com/album/${id}` },
      href: `${this.#apiBase}/albums/${id}`,
      id,
      images,
      name,
      release_date: release.date,
      release_date_precision: release.precision,
      type: 'album',
      uri: `spotify:album:${id}`,
      artists: [artist],
    };
  }

  #releaseDate(latest: number): { date: string; time: number; year: number; precision: ReleaseDatePrecision } {
    const random = this.#random;
    const latestYear = utcYear(latest);
    const year = random.chance(0.45) ? random.int(Math.max(1960, latestYear - 2), latestYear) : random.int(1960, latestYear);
    let time = Date.UTC(year, random.int(0, 11), random.int(1, 28));
    if (time > latest) time = latest - random.int(0, 200) * DAY;
    const day = isoDate(time);
    const actualYear = Number(day.slice(0, 4));
    if (actualYear < 1985 && random.chance(0.3)) return { date: day.slice(0, 4), time, year: actualYear, precision: 'year' };
    if (random.chance(0.03)) return { date: day.slice(0, 7), time, year: actualYear, precision: 'month' };
    return { date: day, time, year: actualYear, precision: 'day' };
  }

  /** A song's base title: one of the artist's signatures now and then, each used once. */
  #songTitle(artist: Artist): string {
    if (artist.signatures.length > 0 && this.#random.chance(0.3)) return artist.signatures.shift()!;
    return this.#title(artist.language);
  }

  #song(album: AlbumInProgress, trackNumber: number): Song {
    const random = this.#random;
    const artist = album.artist;
    let title = album.object.album_type === 'single' && trackNumber === 1 ? album.object.name : this.#songTitle(artist);
    const artists = [artist.object];
    if (random.chance(FEATURING_SHARE)) {
      const guest = this.#pickArtist();
      if (guest !== artist) {
        title += ` (feat. ${guest.object.name})`;
        artists.push(guest.object);
      }
    }
    if (album.live) title += ' (Live)';
    else if (album.releaseYear < 2000 && random.chance(0.2)) {
      const earliest = Math.max(2001, album.releaseYear + 10);
      const latest = Math.min(2021, album.firstSavedYear);
      if (earliest <= latest) title += ` - Remastered ${random.int(earliest, latest)}`;
    }
    const songNumber = this.#songCount++;
    const isrc =
      random.pick(ISRC_COUNTRY[artist.language]) +
      artist.isrcRegistrant +
      String(album.releaseYear % 100).padStart(2, '0') +
      String(songNumber % 100_000).padStart(5, '0');
    const durationMs = Math.round(Math.max(45, 225 + 60 * random.normal()) * 1000) + random.int(0, 999);
    return { title, artists, isrc, durationMs, explicit: random.chance(EXPLICIT_SHARE) };
  }

  #trackOn(album: AlbumInProgress, forceUnplayable: boolean): { track: TrackObject; song: Song } {
    const trackNumber = album.trackNumbers.shift()!;
    const song = this.#song(album, trackNumber);
    return { track: this.#trackObject(song, album.object, trackNumber, forceUnplayable), song };
  }

  /** The same recording released earlier as a single: same ISRC, new track and album ids. */
  #singleVersion(song: Song, album: AlbumInProgress): TrackObject {
    const release = this.#releaseDate(album.releasedAt - this.#random.int(30, 180) * DAY);
    const single = this.#albumObject('single', this.#random.int(1, 2), song.title, release, album.artist.object);
    return this.#trackObject(song, single, 1, false);
  }

  #trackObject(song: Song, album: SimplifiedAlbumObject, trackNumber: number, forceUnplayable: boolean): TrackObject {
    const id = this.#ids.next();
    const playable = !forceUnplayable && !this.#random.chance(UNPLAYABLE_SHARE);
    const track: TrackObject = {
      album,
      artists: song.artists,
      available_markets: playable ? MARKETS : NO_MARKETS,
      disc_number: 1,
      duration_ms: song.durationMs,
      explicit: song.explicit,
      external_ids: { isrc: song.isrc },
      external_urls: { spotify: `https://open.spotify.com/track/${id}` },
      href: `${this.#apiBase}/tracks/${id}`,
      id,
      is_local: false,
      is_playable: playable,
      name: song.title,
      popularity: this.#random.int(0, 90),
      preview_url: null,
      track_number: trackNumber,
      type: 'track',
      uri: `spotify:track:${id}`,
    };
    if (!playable) track.restrictions = { reason: 'market' };
    return track;
  }

  /** A file from the user's disk, as Spotify reports it: no ids, no ISRC, a `spotify:local:` URI. */
  #localTrack(): LocalTrackObject {
    const random = this.#random;
    const artist = this.#pickArtist();
    const title = this.#title(artist.language);
    const albumName = random.chance(0.2) ? '' : this.#title(artist.language);
    const seconds = random.int(90, 420);
    return {
      album: {
        album_type: null,
        artists: [],
        available_markets: NO_MARKETS,
        external_urls: {},
        href: null,
        id: null,
        images: [],
        name: albumName,
        release_date: null,
        release_date_precision: null,
        type: 'album',
        uri: null,
      },
      artists: [{ external_urls: {}, href: null, id: null, name: artist.object.name, type: 'artist', uri: null }],
      available_markets: NO_MARKETS,
      disc_number: 0,
      duration_ms: seconds * 1000,
      explicit: false,
      external_ids: {},
      external_urls: {},
      href: null,
      id: null,
      is_local: true,
      name: title,
      popularity: 0,
      preview_url: null,
      track_number: 0,
      type: 'track',
      uri: `spotify:local:${localUriPart(artist.object.name)}:${localUriPart(albumName)}:${localUriPart(title)}:${seconds}`,
    };
  }
}

/** Spotify writes local-file URI parts form-encoded: spaces as `+`. */
function localUriPart(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/** `2026-10-31T21:04:05Z`: Spotify's `added_at` has no milliseconds. */
export function isoSeconds(time: number): string {
  const secondOfDay = Math.floor((time - Math.floor(time / DAY) * DAY) / SECOND);
  let clock = clockTimes[secondOfDay];
  if (clock === undefined) {
    clock = `T${twoDigits(Math.floor(secondOfDay / 3600))}:${twoDigits(Math.floor(secondOfDay / 60) % 60)}:${twoDigits(secondOfDay % 60)}Z`;
    clockTimes[secondOfDay] = clock;
  }
  return isoDate(time) + clock;
}

// Dates and times of day are formatted once and shared: 100,000 `toISOString` calls and
// their garbage were a fifth of the generation time.
const isoDates = new Map<number, string>();
const clockTimes: Array<string | undefined> = [];

function isoDate(time: number): string {
  const day = Math.floor(time / DAY);
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    isoDates.set(day, date);
  }
  return date;
}

function utcYear(time: number): number {
  return Number(isoDate(time).slice(0, 4));
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
