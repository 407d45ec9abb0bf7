/**
 * Display positions → chunks. The library is stored in chunks of up to 1,000 tracks, newest
 * first (lib/library/db.ts), and search answers with display positions; a row shows once the
 * chunk holding its position is read.
 */

/** `starts[i]`: tracks before chunk `i`; one more entry than chunks, the last is the total. */
export function chunkStarts(sizes: readonly number[]): Int32Array {
  const starts = new Int32Array(sizes.length + 1);
  for (let chunk = 0; chunk < sizes.length; chunk++) starts[chunk + 1] = starts[chunk]! + sizes[chunk]!;
  return starts;
}

export interface ChunkPlace {
  chunk: number;
  /** The position's index inside its chunk. */
  offset: number;
}

/**
 * The chunk where the running total passes `position`, or null outside the library. Binary
 * search: the last chunk starting at or before it, so empty chunks (all their items skipped)
 * are passed over.
 */
export function locatePosition(starts: Int32Array, position: number): ChunkPlace | null {
  const chunks = starts.length - 1;
  if (!Number.isInteger(position) || position < 0 || chunks < 1 || position >= starts[chunks]!) return null;
  let low = 0;
  let high = chunks - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return { chunk: low, offset: position - starts[low]! };
}
