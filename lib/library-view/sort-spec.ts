/** What the library page can be sorted by (issue #6), and in which direction. */
export type SortField = 'addedAt' | 'title' | 'artist' | 'album' | 'duration' | 'releaseDate';
export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  field: SortField;
  direction: SortDirection;
}

export const SORT_FIELDS: readonly SortField[] = ['addedAt', 'title', 'artist', 'album', 'duration', 'releaseDate'];

/** Spotify's own order: newest saved first. */
export const DEFAULT_SORT: SortSpec = { field: 'addedAt', direction: 'desc' };

/** The direction a field starts in when chosen: dates newest first, the rest A→Z or shortest first. */
export function initialDirection(field: SortField): SortDirection {
  return field === 'addedAt' || field === 'releaseDate' ? 'desc' : 'asc';
}

/** The sort after a click on `field`'s column: the other direction if it is the sort, else its initial one. */
export function columnSort(current: SortSpec, field: SortField): SortSpec {
  if (current.field !== field) return { field, direction: initialDirection(field) };
  return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

export function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value);
}
