import type { SyncContext } from './sync-context';

/**
 * Fetches pages, at most `context.concurrency` at once, and hands each result on as it arrives.
 * How many of them are on the network at a time is the pacer's call (lib/spotify/pacer.ts):
 * eight below the window count Spotify is known to accept, one while probing above it, none
 * while a Retry-After runs. The pool only keeps that many asks queued.
 *
 * `onResult` may write to IndexedDB; it does not hold a fetch slot, but a failure there stops
 * the pool like a failed fetch. Requests in flight when something fails are allowed to finish
 * (and their results handed on), so nothing fetched is wasted for the checkpoint.
 */
export async function runPagePool<Result>(
  context: Pick<SyncContext, 'concurrency' | 'signal'>,
  offsets: readonly number[],
  fetch: (offset: number) => Promise<Result>,
  onResult: (result: Result) => Promise<void>,
): Promise<void> {
  const queue = [...offsets];
  const limit = Math.max(1, context.concurrency);
  const handlers = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let active = 0;

  await new Promise<void>((resolve) => {
    const settleIfDone = () => {
      if (active === 0 && (queue.length === 0 || failure)) resolve();
    };
    const launch = () => {
      while (!failure && queue.length > 0 && active < limit) {
        if (context.signal?.aborted) {
          failure = { error: context.signal.reason };
          break;
        }
        const offset = queue.shift()!;
        active += 1;
        fetch(offset)
          .then((result) => {
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
