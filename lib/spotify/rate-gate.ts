/**
 * The window in which no new request may start after a 429 (SPEC §3). One gate is shared by
 * every request of the service worker, so concurrent sync pages and a Save all wait together.
 */
export interface RateGate {
  /** Epoch ms before which no request may start (0 when open). */
  blockedUntil(): number;
  /** Whether the current window comes from a QUOTA_EXCEEDED answer. */
  quotaExceeded(): boolean;
  block(until: number, quotaExceeded: boolean): void;
}

export interface RateGateState {
  until: number;
  quotaExceeded: boolean;
}

/**
 * A gate held in memory; `onChange` lets the background persist it so a restarted service
 * worker keeps honouring a wait it was told about.
 */
export function createMemoryRateGate(
  initial: RateGateState = { until: 0, quotaExceeded: false },
  onChange?: (state: RateGateState) => void,
): RateGate {
  let state = initial;
  return {
    blockedUntil: () => state.until,
    quotaExceeded: () => state.quotaExceeded,
    block(until, quotaExceeded) {
      // A later window wins; an earlier one must not shorten a wait already promised.
      if (until > state.until) state = { until, quotaExceeded };
      else if (quotaExceeded && !state.quotaExceeded) state = { ...state, quotaExceeded };
      else return;
      onChange?.(state);
    },
  };
}
