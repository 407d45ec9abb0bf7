import { describe, expect, it } from 'vitest';
import { createLibraryModel, rankTextsInPlace, type ViewSpec } from '../../../lib/library-view/library-model';
import { monthIndexOfTime } from '../../../lib/library-view/months';
import { DEFAULT_SORT } from '../../../lib/library-view/sort-spec';
import { keysOf, listed, preparedModel, storedTrack } from './tracks';

const march2024 = monthIndexOfTime(Date.parse('2024-03-15T12:00:00Z'));
const april2024 = march2024 + 1;

// Newest saved first.
const library = [
  storedTrack({ name: 'Halo', artistNames: ['Beyoncé'], addedAt: '2024-04-20T12:00:00Z' }),
  storedTrack({ name: 'Hoppípolla', artistNames: ['Sigur Rós'], addedAt: '2024-04-10T12:00:00Z' }),
  storedTrack({ name: 'Thunderstruck', artistNames: ['AC/DC'], addedAt: '2024-03-20T12:00:00Z' }),
  storedTrack({ name: 'Crazy in Love', artistNames: ['Beyoncé', 'Jay-Z'], addedAt: '2024-03-10T12:00:00Z' }),
  storedTrack({ name: 'Группа крови', artistNames: ['Кино'], addedAt: '2023-12-10T12:00:00Z' }),
];
const model = await preparedModel(library);

function names(spec: Partial<ViewSpec>): string[] {
  return listed(model, spec).map((position) => library[position].name);
}

describe('filtering the library', () => {
  it.each<[string, Partial<ViewSpec>, string[]]>([
    ['everything, newest first', {}, ['Halo', 'Hoppípolla', 'Thunderstruck', 'Crazy in Love', 'Группа крови']],
    ['the popup’s matching: diacritics', { query: 'beyonce' }, ['Halo', 'Crazy in Love']],
    ['punctuation inside words', { query: 'acdc' }, ['Thunderstruck']],
    ['every token must match', { query: 'beyonce jay' }, ['Crazy in Love']],
    ['Cyrillic', { query: 'кино' }, ['Группа крови']],
    ['one month', { month: march2024 }, ['Thunderstruck', 'Crazy in Love']],
    ['a month and a query', { month: april2024, query: 'beyonce' }, ['Halo']],
    ['a month with nothing saved', { month: march2024 - 1 }, []],
    ['the sort applied to the matches', { query: 'beyonce', sort: { field: 'title', direction: 'asc' } }, ['Crazy in Love', 'Halo']],
    ['no match', { query: 'zzzz' }, []],
  ])('%s', (_, spec, expected) => {
    expect(names(spec)).toEqual(expected);
  });

  it('lists matches in the chosen sort, not by relevance', async () => {
    const albumMatch = storedTrack({ name: 'Sunday', album: { id: null, name: 'Halo', image: null, releaseDate: null } });
    const titleMatch = storedTrack({ name: 'Halo' });
    // The popup would rank the title match first; the list keeps newest saved first.
    expect(listed(await preparedModel([albumMatch, titleMatch]), { query: 'halo' })).toEqual([0, 1]);
  });

  it('offers one-typo matches when nothing matches exactly, and says so', () => {
    const view = model.view({ query: 'thundrstruck', month: null, sort: DEFAULT_SORT });
    expect(view?.searchKind).toBe('typo');
    expect(names({ query: 'thundrstruck' })).toEqual(['Thunderstruck']);
  });

  it('refuses search keys that do not belong to the tracks', () => {
    expect(() => createLibraryModel(library, keysOf(library).slice(1), rankTextsInPlace())).toThrow(RangeError);
  });
});
