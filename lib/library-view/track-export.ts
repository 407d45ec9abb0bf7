import type { StoredTrack } from '../tracks/stored-track';
import type { CsvValue } from './csv';

/**
 * The fields of an exported track, in Spotify's snake_case names (SPEC: "every stored field"),
 * the same in CSV and JSON so that a user's scripts can switch between them. `added_at` and
 * `album_release_date` stay exactly as Spotify reported them.
 */

/** CSV columns, in this order. */
export const TRACK_CSV_COLUMNS = [
  'uri',
  'id',
  'name',
  'artists',
  'artist_ids',
  'album',
  'album_id',
  'album_release_date',
  'album_image',
  'duration_ms',
  'explicit',
  'isrc',
  'added_at',
  'is_local',
  'is_playable',
] as const;

export type TrackCsvColumn = (typeof TRACK_CSV_COLUMNS)[number];

/**
 * Between artist names and between artist ids in one CSV cell, in the same order, so the two
 * cells pair up. A local file's artists have no id: their place in `artist_ids` is empty.
 */
export const ARTIST_SEPARATOR = '; ';

export function trackCsvValues(track: StoredTrack): CsvValue[] {
  const byColumn: Record<TrackCsvColumn, CsvValue> = {
    uri: track.uri,
    id: track.id,
    name: track.name,
    artists: track.artists.map((artist) => artist.name).join(ARTIST_SEPARATOR),
    artist_ids: track.artists.map((artist) => artist.id ?? '').join(ARTIST_SEPARATOR),
    album: track.album.name,
    album_id: track.album.id,
    album_release_date: track.album.releaseDate,
    album_image: track.album.image,
    duration_ms: track.durationMs,
    explicit: track.explicit,
    isrc: track.isrc,
    added_at: track.addedAt,
    is_local: track.isLocal,
    is_playable: track.isPlayable,
  };
  return TRACK_CSV_COLUMNS.map((column) => byColumn[column]);
}

/** A track in the JSON export: StoredTrack with Spotify's field names. */
export interface ExportedTrack {
  uri: string;
  id: string | null;
  name: string;
  artists: Array<{ id: string | null; name: string }>;
  album: { id: string | null; name: string; release_date: string | null; image: string | null };
  duration_ms: number;
  explicit: boolean;
  isrc: string | null;
  added_at: string;
  is_local: boolean;
  is_playable: boolean | null;
}

export function exportedTrackOf(track: StoredTrack): ExportedTrack {
  return {
    uri: track.uri,
    id: track.id,
    name: track.name,
    artists: track.artists.map((artist) => ({ id: artist.id, name: artist.name })),
    album: {
      id: track.album.id,
      name: track.album.name,
      release_date: track.album.releaseDate,
      image: track.album.image,
    },
    duration_ms: track.durationMs,
    explicit: track.explicit,
    isrc: track.isrc,
    added_at: track.addedAt,
    is_local: track.isLocal,
    is_playable: track.isPlayable,
  };
}
