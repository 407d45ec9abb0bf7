/** What a virtual list sees: the rows in view and how many to render beyond each edge. */
export interface VisibleRange {
  startIndex: number;
  endIndex: number;
  overscan: number;
  count: number;
}

/**
 * The visible rows with their overscan, at most `maxRows`: overscan goes first, then — in a
 * window taller than `maxRows` rows — the rows farthest from the list's end in view, so that
 * scrolled to the bottom the last rows show (the rest of the window stays blank).
 */
export function cappedRange({ startIndex, endIndex, overscan, count }: VisibleRange, maxRows: number): number[] {
  if (count === 0) return [];
  let first = Math.max(0, startIndex - overscan);
  let last = Math.min(count - 1, endIndex + overscan);
  if (last - first + 1 > maxRows) {
    const spare = Math.max(0, maxRows - (endIndex - startIndex + 1));
    first = Math.max(0, startIndex - Math.floor(spare / 2));
    last = Math.min(count - 1, first + maxRows - 1);
    if (endIndex === count - 1) {
      last = count - 1;
      first = Math.max(0, last - maxRows + 1);
    }
  }
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return indexes;
}
