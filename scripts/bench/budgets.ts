/**
 * SPEC §8, the budgets `npm run bench` prints its figures against. Each budget is a limit
 * (the figure must be at most this) and the words that show it in the table.
 */
export interface Budget {
  limit: number;
  text: string;
}

const atMost = (limit: number, unit: string): Budget => ({ limit, text: `≤ ${limit.toLocaleString('en')}${unit ? ` ${unit}` : ''}` });

/** Full sync wall time, at 100 ms per request; the SPEC names 10,000 and 100,000 tracks only. */
export function fullSyncSeconds(size: number): Budget | null {
  if (size === 10_000) return atMost(5, 's');
  if (size === 100_000) return atMost(40, 's');
  return null;
}

export const requests = {
  fullSync: (size: number): Budget => ({ limit: Math.ceil(size / 50) + 2, text: `≤ ⌈N/50⌉+2 = ${Math.ceil(size / 50) + 2}` }),
  unchanged: (): Budget => ({ limit: 1, text: '= 1' }),
  added: (k: number): Budget => ({ limit: addedLimit(k), text: `≤ ⌈k/50⌉+1 = ${addedLimit(k)}` }),
  removed: (r: number, size: number): Budget => ({ limit: removedLimit(r, size), text: `≤ r·⌈log2(N/50)⌉+3 = ${removedLimit(r, size)}` }),
  addedAndRemoved: (k: number, r: number, size: number): Budget => {
    const limit = addedLimit(k) + removedLimit(r, size);
    return { limit, text: `≤ sum = ${limit}` };
  },
};

function addedLimit(k: number): number {
  return Math.ceil(k / 50) + 1;
}

function removedLimit(r: number, size: number): number {
  return r * Math.ceil(Math.log2(size / 50)) + 3;
}

export const POPUP_FIRST_RESULTS_100K = atMost(150, 'ms');

/** Keystroke to results shown, p95: one frame at 100,000 tracks, 4 ms at 10,000. */
export function keystrokeP95(size: number): Budget | null {
  if (size === 10_000) return atMost(4, 'ms');
  if (size === 100_000) return atMost(16, 'ms');
  return null;
}

export const LIBRARY_FIRST_ROWS_100K = atMost(300, 'ms');
export const LIBRARY_ROWS_IN_DOM = atMost(100, 'rows');
export const BADGE_MS = atMost(100, 'ms');
export const BYTES_PER_TRACK = atMost(700, 'B');
