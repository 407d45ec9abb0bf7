import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../lib/search/highlight';

describe('highlightRanges', () => {
  it.each([
    ['Beyoncé', 'beyonce', [[0, 7]]],
    ['Beyoncé', 'bey', [[0, 3]]],
    ['Beyoncé', 'once', []],
    ['Beyoncé', '', []],
    ['Sigur Rós', 'ros', [[6, 9]]],
    [
      'Sigur Rós',
      'sigur ros',
      [
        [0, 5],
        [6, 9],
      ],
    ],
    ['e\u0301clair', 'ec', [[0, 3]]],
    ['AC/DC', 'acdc', [[0, 5]]],
    ['AC/DC', 'dc', [[3, 5]]],
    [
      "Don't Stop",
      'dont st',
      [
        [0, 5],
        [6, 8],
      ],
    ],
    ['Straße', 'strasse', [[0, 6]]],
    ['Straße', 'stras', [[0, 5]]],
    ['ＡＢＣ', 'ab', [[0, 2]]],
    ['ﬁre', 'fi', [[0, 1]]],
    ['坂本龍一', '龍一', [[2, 4]]],
    [
      'Love Me Love',
      'love',
      [
        [0, 4],
        [8, 12],
      ],
    ],
    ['Lovely', 'lo lov', [[0, 3]]],
    ['🔥 Fire', 'fire', [[3, 7]]],
    ['Beyoncé', 'beyocne', [[0, 7]]],
    ['Metallica', 'metalica', [[0, 9]]],
  ])('%j with %j → %j', (text, query, ranges) => {
    expect(highlightRanges(text, query)).toEqual(ranges);
  });

  it('copes with a hostile million-character name', () => {
    const huge = 'a '.repeat(500_000);
    expect(highlightRanges(huge, 'a')).toHaveLength(500_000);
  });
});
