import { describe, expect, it } from 'vitest';
import { releaseDateNumber } from '../../../lib/library-view/release-date';

describe('release dates', () => {
  it.each([
    ['2011-05-01', 20110501],
    ['2011-05', 20110500],
    ['2011', 20110000],
    ['0000', 0],
    [null, Number.NaN],
    ['soon', Number.NaN],
  ])('reads release date %s as %d', (date, number) => {
    expect(releaseDateNumber(date)).toBe(number);
  });
});
