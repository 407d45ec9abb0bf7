import { tokenizeQuery } from './fold';
import { startsWordAt } from './key-format';
import { allowsTypo } from './match-token';
import { oneEditPrefixEnd } from './one-edit';
import { mappedSearchFieldOf, type MappedSearchField } from './search-field';

/**
 * The ranges of the original display `text` (a title, an artist or album name, with its
 * diacritics, full-width letters, punctuation) that the query's tokens matched, sorted and
 * merged, for the UI to wrap in `<mark>`. Matching is the search's own: the same folding and
 * word starts; a token of 5+ letters that begins no word here is shown where it matched with
 * one typo.
 */
export function highlightRanges(text: string, query: string): Array<[start: number, end: number]> {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return [];
  const field = mappedSearchFieldOf(text);
  const ranges: Array<[number, number]> = [];
  for (const token of tokens) {
    const exact = exactRanges(field, token);
    const matched = exact.length === 0 && allowsTypo(token) ? typoRanges(field, token) : exact;
    for (const range of matched) ranges.push(range);
  }
  return mergeRanges(ranges);
}

function sourceRange(field: MappedSearchField, start: number, end: number): [number, number] {
  return [field.sourceStarts[start], field.sourceEnds[end - 1]];
}

function exactRanges(field: MappedSearchField, token: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const folded = field.text;
  for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
    if (startsWordAt(folded, at)) ranges.push(sourceRange(field, at, at + token.length));
  }
  return ranges;
}

function typoRanges(field: MappedSearchField, token: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < field.text.length; start++) {
    if (!startsWordAt(field.text, start)) continue;
    const end = oneEditPrefixEnd(token, field.text, start);
    if (end > start) ranges.push(sourceRange(field, start, end));
  }
  return ranges;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
