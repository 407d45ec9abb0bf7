import type { ConcurrencyLimits, SyncContext } from './sync-context';

/**
 * Fetches pages with bounded, adaptive concurrency and hands each result on as it arrives.
 *
 * Concurrency starts at `limits.initial` and grows to `limits.max` as TCP's congestion window
 * does: by one per successful page until the first 429 (slow start), then by one per round of
 * that many pages. A new 429 window on the shared rate gate halves it, so a storm of 429s is not
 * fed by eight pages at once. Why grow at all: SPEC §8 wants 10,000 tracks in 5 s and 100,000
 * in 40 s at 100 ms per request, and 200 or 2,000 pages at 4 in flight take 5 s and 50 s.
 *
 * `onResult` may write to IndexedDB; it does not hold a fetch slot, but a failure there stops
 * the pool like a failed fetch. Requests in flight when something fails are allowed to finish
 * (and their results handed on), so nothing fetched is wasted for the checkpoint.
 */
export async function runPagePool<Result>(
  context: Pick<SyncContext, 'concurrency' | 'rateGate' | 'signal'>,
  offsets: readonly number[],
  fetch: (offset: number) => Promise<Result>,
  onResult: (result: Result) => Promise<void>,
): Promise<void> {
  const queue = [...offsets];
  const limiter = new AdaptiveLimit(context.concurrency, context.rateGate);
  const handlers = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let active = 0;

  await new Promise<void>((resolve) => {
    const settleIfDone = () => {
      if (active === 0 && (queue.length === 0 || failure)) resolve();
    };
    const launch = () => {
      while (!failure && queue.length > 0 && active < limiter.current()) {
        if (context.signal?.aborted) {
          failure = { error: context.signal.reason };
          break;
        }
        const offset = queue.shift()!;
        const epoch = limiter.epoch;
        active += 1;
        fetch(offset)
          .then((result) => {
            limiter.succeeded(epoch);
            const handler = onResult(result).catch((error: unknown) => {
              failure ??= { error };
            });
            handlers.add(handler);
            void handler.finally(() => handlers.delete(handler));
          })
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            active -= 1;
            launch();
            settleIfDone();
          });
      }
      settleIfDone();
    };
    launch();
  });
  await Promise.all(handlers);
  if (failure) throw failure.error;
}

class AdaptiveLimit {
  /** Bumped by every decrease: pages launched before it say nothing about the new limit. */
  epoch = 0;
  #limit: number;
  #successes = 0;
  #slowStart = true;
  #seenBlock: number;

  constructor(
    private readonly limits: ConcurrencyLimits,
    private readonly rateGate: SyncContext['rateGate'],
  ) {
    this.#limit = Math.max(1, limits.initial);
    this.#seenBlock = rateGate?.blockedUntil() ?? 0;
  }

  current(): number {
    const blockedUntil = this.rateGate?.blockedUntil() ?? 0;
    if (blockedUntil > this.#seenBlock) {
      this.#seenBlock = blockedUntil;
      this.#limit = Math.max(1, Math.floor(this.#limit / 2));
      this.#successes = 0;
      this.#slowStart = false;
      this.epoch += 1;
    }
    return this.#limit;
  }

  succeeded(epoch: number): void {
    if (epoch !== this.epoch || (++this.#successes < this.#limit && !this.#slowStart)) return;
    this.#successes = 0;
    this.#limit = Math.min(Math.max(this.limits.max, this.limits.initial), this.#limit + 1);
  }
}
