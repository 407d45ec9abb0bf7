import type { StoredTrack } from '../tracks/stored-track';
import { isCanonicalTime } from './added-at';
import { releaseDateNumber } from './release-date';
import { newestFirstSortIndex, numericSortIndex, type SortIndex } from './sort-index';
import type { SortField } from './sort-spec';

/** The artists as a row shows them and the artist sort compares them: "Jay-Z, Alicia Keys". */
export function artistLine(track: Pick<StoredTrack, 'artists'>): string {
  return track.artists.map((artist) => artist.name).join(', ');
}

export type TextSortField = 'title' | 'artist' | 'album';
export type NumericSortField = Exclude<SortField, TextSortField>;

export function isTextSortField(field: SortField): field is TextSortField {
  return field === 'title' || field === 'artist' || field === 'album';
}

/** The texts a text field sorts by, one per track. */
export function sortTexts(tracks: readonly StoredTrack[], field: TextSortField): string[] {
  switch (field) {
    case 'title':
      return tracks.map((track) => track.name);
    case 'artist':
      return tracks.map(artistLine);
    case 'album':
      return tracks.map((track) => track.album.name);
  }
}

/** The library ranked by a field that is a number or a time: tens of milliseconds at 100k. */
export function numericTrackSortIndex(tracks: readonly StoredTrack[], field: NumericSortField): SortIndex {
  switch (field) {
    case 'addedAt': {
      const times = tracks.map((track) => track.addedAt);
      const inStoredOrder = times.every(isCanonicalTime) ? newestFirstSortIndex(times) : null;
      return inStoredOrder ?? numericSortIndex(Float64Array.from(times, (time) => Date.parse(time)));
    }
    case 'duration':
      return numericSortIndex(Float64Array.from(tracks, (track) => track.durationMs));
    case 'releaseDate':
      return numericSortIndex(Float64Array.from(tracks, (track) => releaseDateNumber(track.album.releaseDate)));
  }
}
