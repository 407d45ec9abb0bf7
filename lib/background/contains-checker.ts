import { MAX_URIS_PER_CALL } from '../spotify/endpoints';

/**
 * Asks Spotify whether tracks are saved (`GET /me/library/contains`) for ids the cache does
 * not know while it may be stale (SPEC §5): requests made close together share one call of
 * up to 40 ids, answers are remembered for a few minutes, and calls are spaced so a user
 * flicking through tracks never makes more than a few per minute.
 */
export interface ContainsCheckerOptions {
  /** One call for up to 40 ids; answers in the same order. */
  check: (trackIds: string[]) => Promise<boolean[]>;
  now?: () => number;
  rememberMs?: number;
  minIntervalMs?: number;
  gatherMs?: number;
}

export interface ContainsChecker {
  /** True/false from Spotify, or null when it could not say (offline, refused). */
  contains(trackId: string): Promise<boolean | null>;
  /** The user just saved or removed this track here: that is the answer now. */
  remember(trackId: string, saved: boolean): void;
}

export function createContainsChecker(options: ContainsCheckerOptions): ContainsChecker {
  const { check, now = Date.now, rememberMs = 3 * 60_000, minIntervalMs = 15_000, gatherMs = 50 } = options;
  const remembered = new Map<string, { saved: boolean; at: number }>();
  const waiting = new Map<string, ((saved: boolean | null) => void)[]>();
  let lastCallAt = -Infinity;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  function scheduleFlush(): void {
    if (flushTimer) return;
    const delay = Math.max(gatherMs, lastCallAt + minIntervalMs - now());
    flushTimer = setTimeout(() => {
      flushTimer = null;
      void flush();
    }, delay);
  }

  async function flush(): Promise<void> {
    const batch = [...waiting.keys()].slice(0, MAX_URIS_PER_CALL);
    const resolvers = batch.map((id) => {
      const list = waiting.get(id)!;
      waiting.delete(id);
      return list;
    });
    lastCallAt = now();
    let answers: (boolean | null)[];
    try {
      const saved = await check(batch);
      answers = batch.map((_, index) => (typeof saved[index] === 'boolean' ? saved[index] : null));
    } catch {
      answers = batch.map(() => null);
    }
    batch.forEach((id, index) => {
      const answer = answers[index];
      if (answer !== null) remembered.set(id, { saved: answer, at: now() });
      for (const resolve of resolvers[index]) resolve(answer);
    });
    if (waiting.size > 0) scheduleFlush();
  }

  return {
    contains(trackId) {
      const known = remembered.get(trackId);
      if (known && now() - known.at < rememberMs) return Promise.resolve(known.saved);
      return new Promise((resolve) => {
        waiting.set(trackId, [...(waiting.get(trackId) ?? []), resolve]);
        scheduleFlush();
      });
    },
    remember(trackId, saved) {
      remembered.set(trackId, { saved, at: now() });
    },
  };
}
