import { describe, expect, it } from 'vitest';
import { oneEditPrefixEnd } from '../../../lib/search/one-edit';

/** Words in key layout: each behind a field marker. */
const text = '\u0001beyonce\u0001halo\u0002metallica';

describe('oneEditPrefixEnd', () => {
  it.each([
    ['exact prefix', 'beyon', 1, 6],
    ['exact whole word', 'beyonce', 1, 8],
    ['swap', 'beyocne', 1, 8],
    ['substitution', 'beyonse', 1, 8],
    ['substitution of the first letter', 'veyonce', 1, 8],
    ['a letter missing', 'beyoce', 1, 8],
    ['a letter too many', 'beyyonce', 1, 8],
    ['a letter too many at the end of the word', 'beyoncex', 1, 8],
    ['a missing letter inside a prefix', 'metalic', 14, 22],
    ['two edits', 'beyocnee', 1, -1],
    ['two substitutions', 'bayonse', 1, -1],
    ['not across a word boundary', 'beyoncehalo', 1, -1],
  ])('%s: %j', (_, token, start, end) => {
    expect(oneEditPrefixEnd(token, text, start)).toBe(end);
  });
});
