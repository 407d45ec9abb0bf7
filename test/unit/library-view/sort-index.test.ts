import { describe, expect, it } from 'vitest';
import { newestFirstSortIndex, numericSortIndex, orderedPositions, presortKey, textSortIndex } from '../../../lib/library-view/sort-index';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

describe('sort indexes', () => {
  it('treats NaN as no value, listed last', () => {
    const index = numericSortIndex(Float64Array.from([3, Number.NaN, 1, 3]));
    expect(Array.from(orderedPositions(index, 'asc', null))).toEqual([2, 0, 3, 1]);
    expect(Array.from(orderedPositions(index, 'desc', null))).toEqual([0, 3, 2, 1]);
  });

  it('keeps only the positions asked for', () => {
    const index = numericSortIndex(Float64Array.from([5, 4, 3, 2, 1]));
    expect(Array.from(orderedPositions(index, 'asc', Uint8Array.from([1, 0, 1, 0, 1])))).toEqual([4, 2, 0]);
  });

  it('ranks times stored newest first without sorting, ties in position order', () => {
    const index = newestFirstSortIndex(['c', 'b', 'b', 'a'])!;
    expect(Array.from(orderedPositions(index, 'asc', null))).toEqual([3, 1, 2, 0]);
    expect(Array.from(orderedPositions(index, 'desc', null))).toEqual([0, 1, 2, 3]);
    expect(newestFirstSortIndex(['a', 'b'])).toBeNull();
  });

  it('orders texts by the collator even where the presort key is wrong for the language', () => {
    // Swedish puts å, ä, ö after z; the presort key strips the rings and dots.
    const swedish = new Intl.Collator('sv', { sensitivity: 'base' });
    const index = textSortIndex(['ängel', 'zebra', 'apa', 'örn', 'åska'], swedish);
    expect(Array.from(orderedPositions(index, 'asc', null))).toEqual([2, 1, 4, 0, 3]);
  });

  it('counts empty and null texts as no value', () => {
    const index = textSortIndex(['b', '', null, 'a'], collator);
    expect(Array.from(orderedPositions(index, 'desc', null))).toEqual([0, 3, 1, 2]);
  });

  it.each([
    ['Beyoncé', 'beyonce'],
    ['ÉCLAIR', 'eclair'],
    ['ＡＢＣ', 'abc'],
    ['Группа', 'группа'],
    ['AC/DC', 'ac/dc'],
  ])('presorts %s as %s', (text, key) => {
    expect(presortKey(text)).toBe(key);
  });
});
