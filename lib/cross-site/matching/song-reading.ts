import { foldText } from '../../search/fold';
import { artistKey, creditKeys, namesInCredit } from './artist-key';
import type { SiteTrack } from '../site-track';
import { cleanSiteTitle, splitTitle } from './title-parts';

/**
 * A song as the matcher compares it: the folded words of its name, the version it is, and who
 * it is by. Built the same way for a cached track and for a page, so that "Bohemian Rhapsody -
 * Remastered 2011" by Queen and "Queen - Bohemian Rhapsody (Official Video)" read alike.
 */
export interface SongReading {
  /** Folded title words without decorations, credits or versions: "bohemian rhapsody". */
  base: string;
  /**
   * A track's title before its subtitle, when Spotify adds one after " - " that pages leave out:
   * "Sunflower - Spider-Man: Into the Spider-Verse" is also "sunflower". Never for numbered
   * parts ("Song - Part 2" is not "Song").
   */
  alternateBase?: string;
  /** Version markers joined by "|": "" for the plain recording, "live", "remix:skrillex". */
  version: string;
  /** Artist keys (see artist-key.ts), main artist first. */
  artists: string[];
  /**
   * A page's feat. / with credits, kept apart: they must all be among a track's artists, since
   * "bad guy (with Justin Bieber)" is another recording than "bad guy". Empty for tracks,
   * whose credited artists are all in `artists`.
   */
  featured: string[];
}

export interface ReadableTrack {
  name: string;
  artists: ReadonlyArray<{ name: string }>;
  album: { name: string };
}

export function songReadingOf(track: ReadableTrack): SongReading {
  return createSongReadingOf()(track);
}

/**
 * `songReadingOf` for a whole library: artists and albums repeat across tracks (about one artist
 * and one album per ten tracks), so their keys and markers are worked out once each — this
 * halves the time to index 100k tracks.
 */
export function createSongReadingOf(): (track: ReadableTrack) => SongReading {
  const artistKeys = new Map<string, string>();
  const albumMarkerSets = new Map<string, string[]>();
  const keyOf = (name: string) => {
    const key = artistKeys.get(name) ?? artistKey(name);
    artistKeys.set(name, key);
    return key;
  };
  const markersOf = (album: string) => {
    const markers = albumMarkerSets.get(album) ?? albumMarkers(album);
    albumMarkerSets.set(album, markers);
    return markers;
  };
  return (track) => {
    const parts = splitTitle(track.name);
    const albumMarkersOfTrack = markersOf(track.album.name);
    const markers = albumMarkersOfTrack.length ? [...new Set([...parts.markers, ...albumMarkersOfTrack])].sort() : parts.markers;
    const reading: SongReading = {
      base: foldText(parts.pieces.join(' ')),
      version: markers.join('|'),
      artists: unique([...track.artists.map((artist) => keyOf(artist.name)), ...parts.featured.flatMap(creditKeys)]),
      featured: [],
    };
    const [head, ...subtitle] = parts.pieces;
    if (subtitle.length > 0 && SUBTITLE_DASH.test(track.name) && !subtitle.some((piece) => NUMBERED_PART.test(piece))) {
      reading.alternateBase = foldText(head);
    }
    return reading;
  };
}

const SUBTITLE_DASH = /\s[-–—]\s/;
/** Subtitles that number a part of a work: another track than its first part. */
const NUMBERED_PART = /\d|\b(?:part|pt|vol|volume|chapter|act|movement|[ivx]+\.)(?:\s|$)/i;

/**
 * The ways a site track's title and credits can be read. A video title with a dash ("Queen -
 * Bohemian Rhapsody", "Hello - Adele") is read both ways round, with the artist taken from the
 * title rather than the uploader; the plain reading (title as is, uploader as artist) stays, for
 * "Artist - Topic" channels whose titles are the song alone.
 */
export function siteTrackReadings(track: SiteTrack): SongReading[] {
  const parts = splitTitle(cleanSiteTitle(track.title, track.titleMayNameArtist === true));
  const version = parts.markers.join('|');
  const featured = unique(parts.featured.flatMap(namesInCredit));
  const readings: SongReading[] = [];
  if (track.titleMayNameArtist && parts.pieces.length >= 2) {
    const [first, ...rest] = parts.pieces;
    readings.push(
      { base: foldText(rest.join(' ')), version, artists: creditKeys(first), featured },
      { base: foldText(first), version, artists: unique(rest.flatMap(creditKeys)), featured },
    );
  }
  readings.push({
    base: foldText(parts.pieces.join(' ')),
    version,
    artists: unique(track.artists.flatMap(creditKeys)),
    featured,
  });
  return readings.filter((reading) => reading.base && reading.artists.length > 0);
}

/** An album that is a live or unplugged record makes its tracks live, named so or not. */
function albumMarkers(albumName: string): string[] {
  const markers = splitTitle(albumName).markers.filter((marker) => marker === 'live' || marker === 'acoustic');
  const folded = foldText(albumName);
  if (/^live (?:at|from|in|on|aus|au|en)\b|\blive$|\bin concert\b/.test(folded)) markers.push('live');
  if (/\bunplugged\b/.test(folded)) markers.push('acoustic');
  return markers;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys.filter(Boolean))];
}
