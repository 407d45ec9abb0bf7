/**
 * How alike two keys are, from 0 to 1: one minus the edit distance over the longer length,
 * on the keys without spaces ("dont stop me now" and "don t stop me now" are the same).
 * Below `floor` the exact value does not matter: the search stops early and returns 0.
 */
export function closeness(a: string, b: string, floor = 0): number {
  const left = a.replaceAll(' ', '');
  const right = b.replaceAll(' ', '');
  if (left === right) return 1;
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 1;
  const allowed = Math.floor((1 - floor) * longest);
  if (Math.abs(left.length - right.length) > allowed) return 0;
  const distance = boundedEditDistance(left, right, allowed);
  return distance > allowed ? 0 : 1 - distance / longest;
}

/** Levenshtein distance, or `bound + 1` as soon as it must exceed `bound`. */
function boundedEditDistance(a: string, b: string, bound: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length];
}
