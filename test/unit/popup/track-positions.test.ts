import { describe, expect, it } from 'vitest';
import { chunkStarts, locatePosition } from '../../../lib/popup/track-positions';

describe('chunkStarts', () => {
  it('runs the sizes into start positions, the total last', () => {
    expect([...chunkStarts([1000, 1000, 37])]).toEqual([0, 1000, 2000, 2037]);
    expect([...chunkStarts([])]).toEqual([0]);
  });
});

describe('locatePosition', () => {
  const starts = chunkStarts([3, 0, 2, 4]);

  it.each<[number, { chunk: number; offset: number } | null]>([
    [0, { chunk: 0, offset: 0 }],
    [2, { chunk: 0, offset: 2 }],
    // Chunk 1 is empty (all its items were skipped): position 3 is the start of chunk 2.
    [3, { chunk: 2, offset: 0 }],
    [4, { chunk: 2, offset: 1 }],
    [5, { chunk: 3, offset: 0 }],
    [8, { chunk: 3, offset: 3 }],
    [9, null],
    [-1, null],
    [1.5, null],
  ])('position %d', (position, place) => {
    expect(locatePosition(starts, position)).toEqual(place);
  });

  it('finds nothing in an empty library', () => {
    expect(locatePosition(chunkStarts([]), 0)).toBeNull();
  });

  it('agrees with a linear walk over a library of 100 chunks', () => {
    const sizes = Array.from({ length: 100 }, (_, chunk) => (chunk * 37) % 1000);
    const big = chunkStarts(sizes);
    let position = 0;
    sizes.forEach((size, chunk) => {
      for (let offset = 0; offset < size; offset += 97) {
        expect(locatePosition(big, position + offset)).toEqual({ chunk, offset });
      }
      position += size;
    });
  });
});
