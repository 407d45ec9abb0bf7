import { describe, expect, it } from 'vitest';
import { columnSort, initialDirection, SORT_FIELDS, type SortSpec } from '../../../lib/library-view/sort-spec';

describe('sort specs', () => {
  it('starts dates newest first and everything else ascending', () => {
    expect(SORT_FIELDS.map((field) => [field, initialDirection(field)])).toEqual([
      ['addedAt', 'desc'],
      ['title', 'asc'],
      ['artist', 'asc'],
      ['album', 'asc'],
      ['duration', 'asc'],
      ['releaseDate', 'desc'],
    ]);
  });

  it.each<[SortSpec, SortSpec['field'], SortSpec]>([
    [{ field: 'title', direction: 'asc' }, 'title', { field: 'title', direction: 'desc' }],
    [{ field: 'title', direction: 'desc' }, 'title', { field: 'title', direction: 'asc' }],
    [{ field: 'title', direction: 'desc' }, 'artist', { field: 'artist', direction: 'asc' }],
    [{ field: 'title', direction: 'asc' }, 'releaseDate', { field: 'releaseDate', direction: 'desc' }],
  ])('a click on a column turns %j into %s’s %j', (current, field, next) => {
    expect(columnSort(current, field)).toEqual(next);
  });
});
