import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../../lib/cross-site/extractors/structured-data';

describe('ISO 8601 durations', () => {
  it.each([
    ['PT4M13S', 253_000],
    ['P00H08M19S', 499_000],
    ['PT1H2M3.5S', 3_723_500],
    ['PT0S', undefined],
    ['P', undefined],
    ['4:13', undefined],
    [null, undefined],
  ])('%s', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));
});
