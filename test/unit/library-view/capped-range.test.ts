import { describe, expect, it } from 'vitest';
import { cappedRange } from '../../../lib/library-view/capped-range';

const span = (indexes: number[]) => (indexes.length === 0 ? null : [indexes[0], indexes.at(-1), indexes.length]);

describe('rows kept in the DOM', () => {
  it.each([
    ['visible rows and overscan', { startIndex: 10, endIndex: 30, overscan: 8, count: 1000 }, [2, 38, 37]],
    ['clipped at the list’s start', { startIndex: 0, endIndex: 17, overscan: 8, count: 1000 }, [0, 25, 26]],
    ['clipped at the list’s end', { startIndex: 990, endIndex: 999, overscan: 8, count: 1000 }, [982, 999, 18]],
    ['overscan trimmed to fit, evenly', { startIndex: 100, endIndex: 190, overscan: 8, count: 1000 }, [96, 195, 100]],
    ['a window taller than the cap: its top rows', { startIndex: 100, endIndex: 240, overscan: 8, count: 1000 }, [100, 199, 100]],
    ['…but the last rows when the end is in view', { startIndex: 860, endIndex: 999, overscan: 8, count: 1000 }, [900, 999, 100]],
    ['an empty list', { startIndex: 0, endIndex: 0, overscan: 8, count: 0 }, null],
  ])('%s', (_, range, expected) => {
    expect(span(cappedRange(range, 100))).toEqual(expected);
  });
});
