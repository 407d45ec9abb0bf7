import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContainsChecker } from '../../../lib/background/contains-checker';

const id = (n: number) => `track${String(n).padStart(17, '0')}`;

describe('createContainsChecker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function checker() {
    const calls: string[][] = [];
    const contains = createContainsChecker({
      check: async (ids) => {
        calls.push(ids);
        return ids.map((trackId) => trackId.endsWith('1'));
      },
      now: () => Date.now(),
    });
    return { calls, contains };
  }

  it('batches ids asked for together into one call', async () => {
    const { calls, contains } = checker();
    const answers = Promise.all([contains.contains(id(1)), contains.contains(id(2)), contains.contains(id(1))]);
    await vi.advanceTimersByTimeAsync(60);
    expect(await answers).toEqual([true, false, true]);
    expect(calls).toEqual([[id(1), id(2)]]);
  });

  it('sends at most 40 ids per call', async () => {
    const { calls, contains } = checker();
    const answers = Promise.all(Array.from({ length: 45 }, (_, n) => contains.contains(id(n))));
    await vi.advanceTimersByTimeAsync(60_000);
    await answers;
    expect(calls.map((batch) => batch.length)).toEqual([40, 5]);
  });

  it('remembers answers for a few minutes, then asks again', async () => {
    const { calls, contains } = checker();
    const first = contains.contains(id(1));
    await vi.advanceTimersByTimeAsync(60);
    await first;
    expect(await contains.contains(id(1))).toBe(true);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    const later = contains.contains(id(1));
    await vi.advanceTimersByTimeAsync(60);
    await later;
    expect(calls).toHaveLength(2);
  });

  it('spaces calls so a burst of new tracks makes only a few calls per minute', async () => {
    const { calls, contains } = checker();
    const asked: Promise<boolean | null>[] = [];
    for (let n = 0; n < 20; n++) {
      asked.push(contains.contains(id(n)));
      await vi.advanceTimersByTimeAsync(3_000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(asked);
    const callTimes = calls.length;
    expect(callTimes).toBeLessThanOrEqual(6);
    expect(calls.flat().sort()).toEqual(Array.from({ length: 20 }, (_, n) => id(n)).sort());
  });

  it('answers null when Spotify cannot be asked, and remembers nothing', async () => {
    let failing = true;
    const contains = createContainsChecker({
      check: async (ids) => {
        if (failing) throw new Error('offline');
        return ids.map(() => true);
      },
      minIntervalMs: 0,
    });
    const first = contains.contains(id(1));
    await vi.advanceTimersByTimeAsync(60);
    expect(await first).toBeNull();
    failing = false;
    const second = contains.contains(id(1));
    await vi.advanceTimersByTimeAsync(60);
    expect(await second).toBe(true);
  });

  it('takes a save or removal made here as the answer, without asking', async () => {
    const { calls, contains } = checker();
    contains.remember(id(2), true);
    expect(await contains.contains(id(2))).toBe(true);
    contains.remember(id(2), false);
    expect(await contains.contains(id(2))).toBe(false);
    expect(calls).toHaveLength(0);
  });
});
