import { describe, expect, it } from 'vitest';
import { runPagePool } from '../../../lib/sync/page-pool';

/** Fetches that take a macrotask each, recording how many run at once. */
function fakeFetches(onStart?: (offset: number) => void) {
  let inFlight = 0;
  const concurrency: number[] = [];
  const fetch = async (offset: number) => {
    onStart?.(offset);
    concurrency.push(++inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    return offset;
  };
  return { fetch, concurrency };
}

const offsets = (count: number) => Array.from({ length: count }, (_, index) => index * 50);

describe('runPagePool', () => {
  it('hands on every result, with at most `concurrency` fetches asked for at once', async () => {
    const { fetch, concurrency } = fakeFetches();
    const results: number[] = [];
    await runPagePool({ concurrency: 8 }, offsets(200), fetch, async (offset) => {
      results.push(offset);
    });
    expect(results.sort((a, b) => a - b)).toEqual(offsets(200));
    expect(Math.max(...concurrency)).toBe(8);
  });

  it('stops launching after a failure, lets requests in flight finish, and rethrows', async () => {
    const handled: number[] = [];
    const failure = new Error('page 250 failed');
    const pool = runPagePool(
      { concurrency: 4 },
      offsets(100),
      async (offset) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (offset === 250) throw failure;
        return offset;
      },
      async (offset) => {
        handled.push(offset);
      },
    );
    await expect(pool).rejects.toBe(failure);
    expect(handled.length).toBeLessThan(20);
    expect(handled).not.toContain(250);
  });

  it('fails when a result handler fails, after the handlers in progress finish', async () => {
    const failure = new Error('disk full');
    const { fetch } = fakeFetches();
    await expect(
      runPagePool({ concurrency: 2 }, offsets(10), fetch, async (offset) => {
        if (offset === 100) throw failure;
      }),
    ).rejects.toBe(failure);
  });
});
