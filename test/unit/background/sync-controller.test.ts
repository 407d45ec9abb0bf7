import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFUSAL_RETRY_MS, storedProblems } from '../../../lib/background/problem-store';
import { createStatusStore } from '../../../lib/background/status-store';
import { createSyncController, RESUME_AFTER_SUSPEND_MS, type SyncControllerDeps } from '../../../lib/background/sync-controller';
import { openLibraryDb, type LibraryDb } from '../../../lib/library/store';
import { LibraryKeptChangingError, type SyncResult } from '../../../lib/sync/sync';
import type { SpotifyApi } from '../../../lib/spotify/api-client';
import { NetworkError, RateLimitedError, RefusedError, ServerError, SessionEndedError, UnexpectedResponseError } from '../../../lib/spotify/errors';
import { PacingPauseError } from '../../../lib/spotify/pacer';
import { StorageFullError } from '../../../lib/library/store';
import { appStatusItem, spotifyProblemSetting } from '../../../lib/storage-items';
import { initialAppStatus } from '../../../lib/status';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const api = { requestCount: 0 } as SpotifyApi;
let dbCount = 0;

async function harness(outcome: SyncResult | Error, overrides: Partial<SyncControllerDeps> = {}) {
  fakeBrowser.reset();
  await appStatusItem.setValue({ ...initialAppStatus, signedIn: true, sync: { ...initialAppStatus.sync, state: 'never' } });
  const db: LibraryDb = await openLibraryDb(`controller-${dbCount++}`);
  const status = createStatusStore();
  const calls = { syncs: 0, ended: [] as string[], resumes: [] as number[], changed: 0 };
  const controller = createSyncController({
    status,
    api,
    rateGate: async () => ({ until: 0, quotaExceeded: false }),
    signedInLibrary: async () => db,
    endSession: async (message) => {
      calls.ended.push(message);
    },
    scheduleResume: async (at) => {
      calls.resumes.push(at);
    },
    redrawBadges: async () => {
      calls.changed += 1;
    },
    isOnline: () => true,
    writesSettled: async () => undefined,
    problems: storedProblems,
    now: () => NOW,
    sync: async () => {
      calls.syncs += 1;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    ...overrides,
  });
  return { controller, status, calls };
}

const done: SyncResult = { kind: 'full', requests: 3, added: 100, removed: 0, skipped: 0, unavailable: 0, total: 100, durationMs: 10 };

describe('createSyncController', () => {
  it('ends ready with the time of the sync and, in the same update, the new library version', async () => {
    const { controller, status, calls } = await harness(done);
    const seen: Array<[string, number]> = [];
    const unwatch = appStatusItem.watch((next) => seen.push([next.sync.state, next.libraryVersion]));
    await controller.sync();
    unwatch();
    const { sync, libraryVersion } = await status.get();
    expect(sync).toMatchObject({ state: 'ready', progress: null, partial: false, message: null });
    expect(libraryVersion).toBe(1);
    // No moment where a page sees 'ready' with the old library version.
    expect(seen.filter(([state]) => state === 'ready')).toEqual([['ready', 1]]);
    expect(calls.changed).toBe(1);
  });

  it.each<[string, Pick<SyncResult, 'skipped' | 'unavailable'>, string | null]>([
    ['nothing missing', { skipped: 0, unavailable: 0 }, null],
    ['skipped items', { skipped: 2, unavailable: 0 }, '2 saved items could not be read from Spotify and were skipped.'],
    [
      'tracks Spotify counts but does not send',
      { skipped: 0, unavailable: 27 },
      'Spotify counts 27 more saved tracks that it no longer sends (no longer available).',
    ],
    [
      'one of each',
      { skipped: 1, unavailable: 1 },
      '1 saved item could not be read from Spotify and was skipped. Spotify counts 1 more saved track that it no longer sends (no longer available).',
    ],
  ])('says in words what the library lacks: %s', async (_, places, message) => {
    const { controller, status } = await harness({ ...done, ...places });
    await controller.sync();
    expect((await status.get()).sync.message).toBe(message);
  });

  it.each<[string, Error, string, RegExp]>([
    ['a long 429', new RateLimitedError(NOW + 120_000, false), 'rate-limited', /resumes at/],
    ['QUOTA_EXCEEDED', new RateLimitedError(NOW + 30_000, true), 'rate-limited', /quota.*QUOTA_EXCEEDED/],
    ['no network', new NetworkError('fetch failed'), 'offline', /Offline/],
    ['Spotify failing', new ServerError(503), 'error', /HTTP 503.*safe/],
    ['a malformed page', new UnexpectedResponseError('Spotify sent something that is not JSON.'), 'error', /not JSON.*safe/],
    ['a full disk', new StorageFullError(), 'error', /no room left/],
    ['a library that kept changing', new LibraryKeptChangingError(3), 'error', /changed during each of 3/],
  ])('reports %s as %s with a clear message', async (_, failure, state, message) => {
    const { controller, status } = await harness(failure);
    await controller.sync();
    const { sync } = await status.get();
    expect(sync.state).toBe(state);
    expect(sync.message).toMatch(message);
  });

  it('schedules the resume alarm of a paused sync and keeps the resume time', async () => {
    const { controller, status, calls } = await harness(new RateLimitedError(NOW + 120_000, false));
    await controller.sync();
    expect(calls.resumes).toEqual([NOW + 120_000]);
    expect((await status.get()).sync.resumeAt).toBe(NOW + 120_000);
  });

  it.each([
    ['pauses for a full rate-limit window', new PacingPauseError(NOW + 28_000)],
    ['fails', new ServerError(503)],
  ])('announces the partial library once more when a first sync %s, so pages show every chunk it wrote', async (_, stop) => {
    const { controller, status } = await harness(stop);
    const before = (await status.get()).libraryVersion;
    await controller.sync();
    expect((await status.get()).libraryVersion).toBe(before + 1);
  });

  it.each([
    ['a 45 s Retry-After', new RateLimitedError(NOW + 45_000, false)],
    ['a full rate-limit window', new PacingPauseError(NOW + 28_000)],
  ])('holds %s (under a minute) by the alarm, still syncing, with the resume time', async (_, pause) => {
    const { controller, status, calls } = await harness(pause);
    await controller.sync();
    expect(calls.resumes).toEqual([pause.resumeAt]);
    expect((await status.get()).sync).toMatchObject({ state: 'syncing', resumeAt: pause.resumeAt, message: expect.stringMatching(/rate limit/) });

    // Opening the popup meanwhile starts nothing: the alarm resumes it.
    await controller.syncIfStale();
    expect(calls.syncs).toBe(1);
  });

  it('ends the session when the refresh token stopped working', async () => {
    const { controller, calls } = await harness(new SessionEndedError());
    await controller.sync();
    expect(calls.ended).toEqual(['Your Spotify session has ended. Sign in again.']);
  });

  it('sends nothing inside a rate-limit window', async () => {
    const { controller, status, calls } = await harness(done, {
      rateGate: async () => ({ until: NOW + 90_000, quotaExceeded: false }),
    });
    await controller.sync();
    expect(calls.syncs).toBe(0);
    expect((await status.get()).sync).toMatchObject({ state: 'rate-limited', resumeAt: NOW + 90_000 });
  });

  it('says offline without trying when the browser is offline', async () => {
    const { controller, status, calls } = await harness(done, { isOnline: () => false });
    await controller.sync();
    expect(calls.syncs).toBe(0);
    expect((await status.get()).sync.state).toBe('offline');
  });

  it('runs one sync at a time', async () => {
    let release!: () => void;
    const { controller, calls } = await harness(done, {
      sync: async () => {
        calls.syncs += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return done;
      },
    });
    const first = controller.sync();
    const second = controller.sync();
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await Promise.all([first, second]);
    expect(calls.syncs).toBe(1);
  });

  it('asks to be started again when the background is suspended mid-sync, and only then', async () => {
    let started!: () => void;
    const syncStarted = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const { controller, calls } = await harness(done, {
      sync: async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        return done;
      },
    });
    await controller.suspending();
    expect(calls.resumes).toEqual([]);

    const running = controller.sync();
    await syncStarted;
    await controller.suspending();
    expect(calls.resumes).toEqual([NOW + RESUME_AFTER_SUSPEND_MS]);

    release();
    await running;
    await controller.suspending();
    expect(calls.resumes).toEqual([NOW + RESUME_AFTER_SUSPEND_MS]);
  });

  it('waits for a Save or Remove on its way to Spotify before reading the server', async () => {
    const order: string[] = [];
    const { controller } = await harness(done, {
      writesSettled: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push('write settled');
      },
      sync: async () => {
        order.push('sync');
        return done;
      },
    });
    await controller.sync();
    expect(order).toEqual(['write settled', 'sync']);
  });

  it.each<[string, Partial<typeof initialAppStatus.sync>, number]>([
    ['a library synced a minute ago', { state: 'ready', lastSyncedAt: NOW - 60_000 }, 0],
    ['a library synced ten minutes ago', { state: 'ready', lastSyncedAt: NOW - 600_000 }, 1],
    ['a library never synced', { state: 'never', lastSyncedAt: null }, 1],
    ['a sync cut short by a stopped worker', { state: 'syncing', lastSyncedAt: NOW - 60_000 }, 1],
    ['a rate limit still running', { state: 'rate-limited', resumeAt: NOW + 60_000, lastSyncedAt: NOW - 600_000 }, 0],
    ['a signed-out user', { state: 'signed-out' }, 0],
  ])('on popup open, syncs %s only when due', async (_, sync, expectedSyncs) => {
    const { controller, status, calls } = await harness(done);
    await status.updateSync(sync);
    await controller.syncIfStale();
    expect(calls.syncs).toBe(expectedSyncs);
  });

  describe('after a development-mode refusal', () => {
    /** A sync that is refused until `fixed`, on a clock the test moves. */
    async function refusedHarness(problem: RefusedError['problem']) {
      let clock = NOW;
      let fixed = false;
      const world = await harness(done, {
        now: () => clock,
        sync: async () => {
          world.calls.syncs += 1;
          if (!fixed) throw new RefusedError(problem);
          return done;
        },
      });
      return {
        ...world,
        advance: (ms: number) => (clock += ms),
        fix: () => (fixed = true),
      };
    }

    it.each<RefusedError['problem']>(['premium-required', 'user-not-registered'])(
      'stops at %s with the problem stored and one retry scheduled an hour later',
      async (problem) => {
        const { controller, status, calls } = await refusedHarness(problem);
        await controller.sync();
        expect(calls.syncs).toBe(1);
        expect(await spotifyProblemSetting.getValue()).toEqual({ problem, retryAt: NOW + REFUSAL_RETRY_MS });
        expect(calls.resumes).toEqual([NOW + REFUSAL_RETRY_MS]);
        const { sync } = await status.get();
        expect(sync.state).toBe('error');
        expect(sync.message).toMatch(/asks again at .*Sync now/);
      },
    );

    it('asks nothing of its own accord before the hour is up, and asks at once when the user does', async () => {
      const { controller, calls, advance } = await refusedHarness('premium-required');
      await controller.sync();
      advance(REFUSAL_RETRY_MS - 1000);
      await controller.sync(); // the periodic alarm
      await controller.syncIfStale(); // the popup opened, the worker started
      expect(calls.syncs).toBe(1);
      await controller.sync({ userAsked: true }); // Sync now
      expect(calls.syncs).toBe(2);
    });

    it('tries once when the hour is up, and forgets the problem once a sync succeeds', async () => {
      const { controller, status, calls, advance, fix } = await refusedHarness('premium-required');
      await controller.sync();
      advance(REFUSAL_RETRY_MS);
      await controller.sync(); // the resume alarm
      expect(calls.syncs).toBe(2);
      expect(calls.resumes).toEqual([NOW + REFUSAL_RETRY_MS, NOW + 2 * REFUSAL_RETRY_MS]);
      fix();
      advance(REFUSAL_RETRY_MS);
      await controller.sync();
      expect(calls.syncs).toBe(3);
      expect(await spotifyProblemSetting.getValue()).toBeNull();
      expect((await status.get()).sync.state).toBe('ready');
    });

    it('passes an unknown Client ID on with the ended session', async () => {
      const ended: Array<[string, string | undefined]> = [];
      const { controller } = await harness(new SessionEndedError('Client ID unknown.', 'invalid-client'), {
        endSession: async (message, problem) => {
          ended.push([message, problem]);
        },
      });
      await controller.sync();
      expect(ended).toEqual([['Client ID unknown.', 'invalid-client']]);
    });
  });
});
