import { describe, expect, it } from 'vitest';
import { createCoalescedRunner } from '../../../lib/popup/coalesced-runner';

/** A clock the test moves by hand, and a task whose runs the test finishes by hand. */
function harness(spacingMs: number) {
  let now = 0;
  const waits: Array<{ until: number; resolve: () => void }> = [];
  const runs: Array<{ startedAt: number; finish: () => void }> = [];
  const runner = createCoalescedRunner(() => new Promise<void>((resolve) => runs.push({ startedAt: now, finish: resolve })), spacingMs, {
    now: () => now,
    wait: (ms) => new Promise((resolve) => waits.push({ until: now + ms, resolve })),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    runner,
    runs,
    settle,
    async advance(to: number) {
      now = to;
      for (const wait of waits.splice(0)) {
        if (wait.until <= now) wait.resolve();
        else waits.push(wait);
      }
      await settle();
    },
  };
}

describe('createCoalescedRunner', () => {
  it('runs at once when idle', async () => {
    const { runner, runs, settle } = harness(1000);
    runner.request();
    await settle();
    expect(runs).toHaveLength(1);
  });

  it('folds requests made during a run into one run after it, spaced from the last start', async () => {
    const { runner, runs, settle, advance } = harness(1000);
    runner.request();
    await settle();
    runner.request();
    runner.request();
    runner.request();
    await advance(200);
    runs[0]!.finish();
    await settle();
    expect(runs).toHaveLength(1);
    await advance(1000);
    expect(runs.map((run) => run.startedAt)).toEqual([0, 1000]);
    runs[1]!.finish();
    await advance(5000);
    expect(runs).toHaveLength(2);
  });

  it('starts nothing after stop', async () => {
    const { runner, runs, settle, advance } = harness(1000);
    runner.request();
    await settle();
    runner.request();
    runner.stop();
    runs[0]!.finish();
    await advance(2000);
    runner.request();
    await advance(4000);
    expect(runs).toHaveLength(1);
  });

  it('keeps going after a run fails', async () => {
    let calls = 0;
    const runner = createCoalescedRunner(async () => {
      calls++;
      throw new Error('read failed');
    }, 0);
    runner.request();
    await new Promise((resolve) => setTimeout(resolve, 0));
    runner.request();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
  });
});
