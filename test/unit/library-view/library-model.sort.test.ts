import { describe, expect, it } from 'vitest';
import { createLibraryModel, rankTextsInPlace } from '../../../lib/library-view/library-model';
import { releaseDateNumber } from '../../../lib/library-view/release-date';
import { SORT_FIELDS, type SortDirection, type SortField } from '../../../lib/library-view/sort-spec';
import { artistLine } from '../../../lib/library-view/track-sort';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { generatedTracks, keysOf, listed, preparedModel, storedTrack } from './tracks';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

// Newest saved first, as the library is stored.
const library = [
  storedTrack({
    name: 'banana',
    artistNames: ['Émile', 'Zed'],
    album: { id: null, name: 'Yellow', image: null, releaseDate: '2019' },
    durationMs: 180_000,
    addedAt: '2024-05-02T10:00:00Z',
  }),
  storedTrack({
    name: 'Apple',
    artistNames: ['zoe'],
    album: { id: null, name: 'red', image: null, releaseDate: '2021-06-01' },
    durationMs: 240_000,
    addedAt: '2024-05-01T10:00:00Z',
  }),
  storedTrack({
    name: 'cherry',
    artistNames: ['Adele'],
    album: { id: null, name: 'Crimson', image: null, releaseDate: null },
    durationMs: 60_000,
    addedAt: '2024-04-30T10:00:00Z',
  }),
  storedTrack({
    name: 'Éclair',
    artistNames: ['bob'],
    album: { id: null, name: 'Amber', image: null, releaseDate: '2019-03' },
    durationMs: 3_600_000,
    addedAt: '2023-01-01T00:00:00Z',
  }),
];

async function sortedNames(tracks: StoredTrack[], field: SortField, direction: SortDirection): Promise<string[]> {
  const model = await preparedModel(tracks, collator);
  return listed(model, { sort: { field, direction } }).map((position) => tracks[position].name);
}

describe('sorting the library', () => {
  it.each<[SortField, SortDirection, string[]]>([
    ['addedAt', 'desc', ['banana', 'Apple', 'cherry', 'Éclair']],
    ['addedAt', 'asc', ['Éclair', 'cherry', 'Apple', 'banana']],
    ['title', 'asc', ['Apple', 'banana', 'cherry', 'Éclair']],
    ['title', 'desc', ['Éclair', 'cherry', 'banana', 'Apple']],
    ['artist', 'asc', ['cherry', 'Éclair', 'banana', 'Apple']],
    ['artist', 'desc', ['Apple', 'banana', 'Éclair', 'cherry']],
    ['album', 'asc', ['Éclair', 'cherry', 'Apple', 'banana']],
    ['album', 'desc', ['banana', 'Apple', 'cherry', 'Éclair']],
    ['duration', 'asc', ['cherry', 'banana', 'Apple', 'Éclair']],
    ['duration', 'desc', ['Éclair', 'Apple', 'banana', 'cherry']],
    // No release date: last in both directions. A year alone sorts at the start of its year.
    ['releaseDate', 'asc', ['banana', 'Éclair', 'Apple', 'cherry']],
    ['releaseDate', 'desc', ['Apple', 'Éclair', 'banana', 'cherry']],
  ])('by %s %s', async (field, direction, expected) => {
    expect(await sortedNames(library, field, direction)).toEqual(expected);
  });

  it.each(SORT_FIELDS)('keeps ties newest saved first in both directions (%s)', async (field) => {
    const same = {
      artistNames: ['Same'],
      album: { id: null, name: 'Same', image: null, releaseDate: '2020-01-01' },
      durationMs: 1000,
      addedAt: '2024-01-01T00:00:00Z',
    };
    const tracks = [storedTrack({ ...same, name: 'same' }), storedTrack({ ...same, name: 'SAME' }), storedTrack({ ...same, name: 'Sâme' })];
    const model = await preparedModel(tracks, collator);
    expect(listed(model, { sort: { field, direction: 'asc' } })).toEqual([0, 1, 2]);
    expect(listed(model, { sort: { field, direction: 'desc' } })).toEqual([0, 1, 2]);
  });

  it('sorts by date added even when the stored order or the time format is unusual', async () => {
    const tracks = [
      storedTrack({ name: 'middle', addedAt: '2024-01-02T00:00:00.500Z' }),
      storedTrack({ name: 'newest', addedAt: '2024-01-03T00:00:00+01:00' }),
      storedTrack({ name: 'oldest', addedAt: '2024-01-01T00:00:00Z' }),
    ];
    expect(await sortedNames(tracks, 'addedAt', 'desc')).toEqual(['newest', 'middle', 'oldest']);
  });

  it('sorts numeric fields at once and text fields once prepared', async () => {
    const model = createLibraryModel(library, keysOf(library), rankTextsInPlace(collator));
    expect(model.canSort('duration')).toBe(true);
    expect(model.canSort('title')).toBe(false);
    expect(model.view({ query: '', month: null, sort: { field: 'title', direction: 'asc' } })).toBeNull();
    await model.prepareSort('title');
    expect(model.canSort('title')).toBe(true);
    expect(listed(model, { sort: { field: 'title', direction: 'asc' } })).toEqual([1, 0, 2, 3]);
  });

  it('prepares a text field again after a failed attempt', async () => {
    let attempts = 0;
    const flaky = (texts: readonly string[]) => (++attempts === 1 ? Promise.reject(new Error('worker died')) : rankTextsInPlace(collator)(texts));
    const model = createLibraryModel(library, keysOf(library), flaky);
    await expect(model.prepareSort('album')).rejects.toThrow('worker died');
    await model.prepareSort('album');
    expect(model.canSort('album')).toBe(true);
  });

  // A reference sort, slow and obviously right, against the seeded stand-in library (titles in
  // many scripts, same-second ties, local files without release dates).
  const generated = generatedTracks(3000);
  const fieldValue: Record<SortField, (track: StoredTrack) => string | number | null> = {
    addedAt: (track) => Date.parse(track.addedAt),
    title: (track) => track.name,
    artist: artistLine,
    album: (track) => track.album.name || null,
    duration: (track) => track.durationMs,
    releaseDate: (track) => (Number.isNaN(releaseDateNumber(track.album.releaseDate)) ? null : releaseDateNumber(track.album.releaseDate)),
  };
  function referenceOrder(field: SortField, direction: SortDirection): number[] {
    const sign = direction === 'asc' ? 1 : -1;
    const compareValues = (a: string | number, b: string | number): number => (typeof a === 'string' ? collator.compare(a, b as string) : a - (b as number));
    return generated
      .map((track, position) => ({ position, value: fieldValue[field](track) }))
      .sort((a, b) => {
        if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.position - b.position;
        return sign * compareValues(a.value, b.value) || a.position - b.position;
      })
      .map((entry) => entry.position);
  }

  it.each(
    SORT_FIELDS.flatMap(
      (field) =>
        [
          [field, 'asc'],
          [field, 'desc'],
        ] as const,
    ),
  )('matches a reference sort of 3,000 seeded tracks (%s %s)', async (field, direction) => {
    const model = await preparedModel(generated, collator);
    expect(listed(model, { sort: { field, direction } })).toEqual(referenceOrder(field, direction));
  });
});
