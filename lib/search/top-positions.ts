/**
 * The `limit` best matches, best first: a counting sort on the small integer scores, stable,
 * so equal scores keep corpus order (newest saved first). Linear in the matches, where a
 * comparison sort of 100k matches would cost tens of milliseconds.
 */
export function topPositions(positions: Int32Array, scores: Uint32Array, count: number, maxScore: number, limit: number): number[] {
  const take = pageSize(limit, count);
  const top = new Array<number>(take);
  if (take === 0) return top;
  const slots = new Uint32Array(maxScore + 2);
  for (let match = 0; match < count; match++) slots[scores[match] + 1]++;
  for (let score = 1; score < slots.length; score++) slots[score] += slots[score - 1];
  for (let match = 0; match < count; match++) {
    const slot = slots[scores[match]]++;
    if (slot < take) top[slot] = positions[match];
  }
  return top;
}

/** How many of `count` results a `limit` lets through: a whole number, 0 for NaN or below. */
export function pageSize(limit: number, count: number): number {
  return limit >= 0 ? Math.min(Math.floor(limit), count) : 0;
}
