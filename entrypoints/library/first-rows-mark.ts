/**
 * `performance.mark` name set once, when the library page first has track rows in the DOM:
 * `npm run bench` reads it for SPEC §8's "library page to first rows" (measured from
 * navigation start, the mark's `startTime`).
 */
export const FIRST_ROWS_MARK = 'tracklight:library-first-rows';

let marked = false;

export function markFirstRows(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_ROWS_MARK);
}
