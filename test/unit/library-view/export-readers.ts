import { unguardCsvCell } from '../../../lib/library-view/csv';
import { ARTIST_SEPARATOR, type ExportedTrack, type TrackCsvColumn } from '../../../lib/library-view/track-export';
import type { StoredTrack } from '../../../lib/tracks/stored-track';

/**
 * Export files read back into StoredTracks, as a user's script would: the other half of the
 * round trip the unit and browser tests check.
 */

export function trackFromCsv(record: Record<TrackCsvColumn, string>): StoredTrack {
  const cell = (column: TrackCsvColumn) => unguardCsvCell(record[column]);
  const orNull = (column: TrackCsvColumn) => (cell(column) === '' ? null : cell(column));
  const names = cell('artists') === '' ? [] : cell('artists').split(ARTIST_SEPARATOR);
  const ids = cell('artist_ids').split(ARTIST_SEPARATOR);
  return {
    id: orNull('id'),
    uri: cell('uri'),
    name: cell('name'),
    artists: names.map((name, index) => ({ id: ids[index] || null, name })),
    album: { id: orNull('album_id'), name: cell('album'), image: orNull('album_image'), releaseDate: orNull('album_release_date') },
    durationMs: Number(cell('duration_ms')),
    explicit: cell('explicit') === 'true',
    isrc: orNull('isrc'),
    addedAt: cell('added_at'),
    isLocal: cell('is_local') === 'true',
    isPlayable: cell('is_playable') === '' ? null : cell('is_playable') === 'true',
  };
}

export function trackFromJson(exported: ExportedTrack): StoredTrack {
  return {
    id: exported.id,
    uri: exported.uri,
    name: exported.name,
    artists: exported.artists,
    album: { id: exported.album.id, name: exported.album.name, image: exported.album.image, releaseDate: exported.album.release_date },
    durationMs: exported.duration_ms,
    explicit: exported.explicit,
    isrc: exported.isrc,
    addedAt: exported.added_at,
    isLocal: exported.is_local,
    isPlayable: exported.is_playable,
  };
}
