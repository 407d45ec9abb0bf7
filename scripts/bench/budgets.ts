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

/**
 * Interface budgets are ratios to a floor page measured in the same run, alternating with the
 * real page (scripts/bench/floor-pages.ts): absolute times on shared machines are not a budget.
 */
export const POPUP_OPEN_RATIO = atMost(1.3, '× floor');
/** Popup open, absolute: applies where the floor itself is at most FAST_FLOOR_MS. */
export const POPUP_OPEN_MS = atMost(150, 'ms');
export const FAST_FLOOR_MS = 100;
export const KEYSTROKE_RATIO = atMost(2, '× floor');
export const KEYSTROKE_P95_MS = atMost(16, 'ms');
export const LIBRARY_OPEN_RATIO = atMost(1.5, '× floor');
export const LIBRARY_ROWS_IN_DOM = atMost(100, 'rows');
export const BADGE_MS = atMost(100, 'ms');
export const BYTES_PER_TRACK = atMost(700, 'B');

/** SPEC §8: a restore of N tracks from an export, at a rolling-window limit of L requests per 30 s. */
export const restore = {
  idealCalls: (size: number): number => Math.ceil(size / 40),
  rateLimited: (): Budget => atMost(1, ''),
  calls: (size: number): Budget => {
    const limit = Math.floor(1.3 * Math.ceil(size / 40));
    return { limit, text: `≤ 1.3 × ⌈N/40⌉ = ${limit}` };
  },
  /** 1.3 × the time L allows the ideal calls: ⌈N/40⌉ ÷ L × 30 s. */
  seconds: (size: number, limit: number): Budget => {
    const ideal = (Math.ceil(size / 40) / limit) * 30;
    return { limit: Math.round(1.3 * ideal * 10) / 10, text: `≤ 1.3 × ${ideal.toFixed(2)} s = ${(1.3 * ideal).toFixed(1)} s` };
  },
};
