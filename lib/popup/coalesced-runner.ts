export interface CoalescedRunner {
  /** Asks for a run: now if idle, else once more after the current one. */
  request(): void;
  /** No run starts after this. */
  stop(): void;
}

/**
 * One run of `task` at a time, and however many requests arrive during a run, a single run
 * after it, started no sooner than `spacingMs` after the last one began. A first sync bumps the
 * library version every second or two and a reload of 100k search keys takes tens of
 * milliseconds of the page's time: reloads must neither pile up nor be cancelled by the next
 * bump before they ever finish.
 */
export function createCoalescedRunner(
  task: () => Promise<void>,
  spacingMs: number,
  clock: { now(): number; wait(ms: number): Promise<void> } = {
    now: () => performance.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): CoalescedRunner {
  let running = false;
  let pending = false;
  let stopped = false;
  let lastStart = -Infinity;

  async function drain(): Promise<void> {
    running = true;
    while (pending && !stopped) {
      const wait = lastStart + spacingMs - clock.now();
      if (wait > 0) await clock.wait(wait);
      if (stopped) break;
      pending = false;
      lastStart = clock.now();
      try {
        await task();
      } catch {
        // The task reports its own failures; a later request runs it again.
      }
    }
    running = false;
  }

  return {
    request() {
      pending = true;
      if (!running) void drain();
    },
    stop() {
      stopped = true;
    },
  };
}
