/**
 * SPEC §9 as one table: every fault of issue #8, each run during a first sync (empty cache)
 * and during an incremental sync (a complete cache, 3 saves and 2 removals to catch up on).
 * Each case asserts the state the popup would show, that the cache is whole (exactly the server
 * when the sync finished; untouched or a clean partial first sync when it stopped, never a
 * duplicate), and that the next sync after the fault is gone ends exact.
 *
 * The engine's own fault tests (test/unit/sync/sync.faults.test.ts) look at the engine's errors
 * and request budgets; these go through the background's sync controller, so they also prove
 * the mapping from each fault to the visible state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryActions } from '../../../lib/background/library-actions';
import { readFullSyncCheckpoint } from '../../../lib/sync/full-sync';
import { createTrackDetailsCache } from '../../../lib/spotify/track-details';
import type { SyncState, SyncStatus } from '../../../lib/status';
import type { FaultRule } from '../../stand-in/faults';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { authNoticeSetting, libraryAccountSetting } from '../../../lib/storage-items';
import {
  CLIENT_TIMEOUT_MS,
  SLOW_ANSWER_MS,
  cachedKeys,
  expectLibraryIntact,
  expectNoDuplicates,
  startFaultWorld,
  stopWorkerWhen,
  tracksRequestsAfter,
  type FaultWorld,
} from './fault-world';

let world: FaultWorld | undefined;
let undoDiskFull: (() => void) | undefined;
afterEach(async () => {
  undoDiskFull?.();
  undoDiskFull = undefined;
  await world?.close();
  world = undefined;
});

type Mode = 'the first sync' | 'an incremental sync';

/** What a case's arrange step gets: the world and how many page requests to let through first. */
interface Arrangement {
  world: FaultWorld;
  /** Page requests answered normally before the fault: it lands part-way through the sync. */
  after: number;
}

interface FaultCase {
  name: string;
  arrange(arrangement: Arrangement): void;
  /** `[data-sync-state]` when the sync has ended. */
  ends: SyncState;
  message?: RegExp;
  /** More checks on the first sync's outcome. */
  check?(world: FaultWorld, status: SyncStatus, context: { refreshesBefore: number; startedAt: number }): Promise<void> | void;
  /**
   * What happens before the next sync: the fault passes, time passes, the user signs in again.
   * Returns the state when it ran the next sync itself (the online event does).
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most recoveries only clear faults and return nothing; one that syncs returns where it ended
  recover?(world: FaultWorld): Promise<SyncStatus | void>;
}

const pages = (world: FaultWorld, after: number, rule: FaultRule): void =>
  world.standIn.faults.push({ ...rule, match: tracksRequestsAfter(world.standIn, after) });

/** A 429 over 60 s pauses the sync; nothing is sent before the window ends, then it resumes. */
function rateLimitWindow(seconds: number) {
  return {
    check(world: FaultWorld, status: SyncStatus, { startedAt }: { startedAt: number }) {
      expect(status.resumeAt).toBeGreaterThanOrEqual(startedAt + seconds * 1000);
      expect(status.resumeAt).toBeLessThan(world.now() + seconds * 1000 + 5000);
      expect(world.resumesScheduled).toEqual([status.resumeAt]);
    },
    async recover(world: FaultWorld) {
      // "Sync now" (or a popup opening) inside the window: nothing goes out.
      const sent = world.apiRequests();
      expect((await world.sync()).state).toBe('rate-limited');
      expect(world.apiRequests()).toBe(sent);
      // The resume alarm fires after the window.
      world.advanceClock(seconds * 1000 + 1000);
    },
  };
}

const expectOneRefresh = (world: FaultWorld, _status: SyncStatus, { refreshesBefore }: { refreshesBefore: number }) => {
  expect(world.standIn.auth.refreshCount - refreshesBefore).toBe(1);
};

/** IndexedDB refuses writes of library data as a full disk does (fake-indexeddb has no quota). */
function fillDisk(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'trackChunks' || this.name === 'stagedPages') {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

const matrix: FaultCase[] = [
  {
    name: '429 burst with a short Retry-After (1 s)',
    arrange: ({ world, after }) => pages(world, after, { kind: 'status', status: 429, retryAfter: 1, times: 3 }),
    ends: 'ready',
  },
  {
    name: '429 with a long Retry-After (2 h)',
    arrange: ({ world, after }) => pages(world, after, { kind: 'status', status: 429, retryAfter: 7200 }),
    ends: 'rate-limited',
    message: /slow down.*resumes at/,
    ...rateLimitWindow(7200),
  },
  {
    name: '429 QUOTA_EXCEEDED (Retry-After 30 s)',
    arrange: ({ world, after }) => pages(world, after, { kind: 'status', status: 429, retryAfter: 30, reason: 'QUOTA_EXCEEDED' }),
    ends: 'rate-limited',
    message: /quota.*QUOTA_EXCEEDED/,
    ...rateLimitWindow(30),
  },
  ...[500, 502, 503].map(
    (status): FaultCase => ({
      name: `${status} burst`,
      arrange: ({ world, after }) => pages(world, after, { kind: 'status', status, times: 3 }),
      ends: 'ready',
    }),
  ),
  {
    name: '503 that does not stop',
    arrange: ({ world, after }) => pages(world, after, { kind: 'status', status: 503, times: Infinity }),
    ends: 'error',
    message: /HTTP 503.*safe/,
    recover: async (world) => world.standIn.faults.clear(),
  },
  {
    name: 'dropped connections, a burst',
    arrange: ({ world, after }) => pages(world, after, { kind: 'drop', times: 3 }),
    ends: 'ready',
  },
  {
    name: 'dropped connections that do not stop',
    arrange: ({ world, after }) => pages(world, after, { kind: 'drop', times: Infinity }),
    ends: 'offline',
    message: /Offline.*resumes when you are back online/,
    recover: async (world) => world.standIn.faults.clear(),
  },
  {
    name: 'answers slower than usual but within the timeout',
    arrange: ({ world, after }) => pages(world, after, { kind: 'hang', ms: SLOW_ANSWER_MS, times: 4 }),
    ends: 'ready',
  },
  {
    name: 'timeouts, a burst',
    arrange: ({ world, after }) => pages(world, after, { kind: 'hang', ms: CLIENT_TIMEOUT_MS * 3, times: 2 }),
    ends: 'ready',
  },
  {
    name: 'timeouts that do not stop',
    arrange: ({ world, after }) => pages(world, after, { kind: 'hang', ms: 30_000, times: Infinity }),
    ends: 'offline',
    recover: async (world) => world.standIn.faults.clear(),
  },
  {
    name: 'the access token expiring mid-sync',
    arrange: ({ world, after }) => world.standIn.afterRequests(after, (s) => s.auth.expireAccessTokens(), '/v1/me/tracks'),
    ends: 'ready',
    check: expectOneRefresh,
  },
  {
    name: 'the access token revoked mid-sync',
    arrange: ({ world, after }) => world.standIn.afterRequests(after, (s) => s.auth.revokeAccessTokens(), '/v1/me/tracks'),
    ends: 'ready',
    check: expectOneRefresh,
  },
  {
    name: 'the refresh token revoked mid-sync',
    arrange: ({ world, after }) =>
      world.standIn.afterRequests(
        after,
        (s) => {
          s.auth.expireAccessTokens();
          s.auth.revokeRefreshTokens();
        },
        '/v1/me/tracks',
      ),
    ends: 'signed-out',
    async check(world) {
      expect(await authNoticeSetting.getValue()).toMatch(/Sign in again/);
      expect(await world.session.auth.currentSession()).toBeNull();
      // The cached library stays the one the pages read (SPEC §3, §4).
      expect(await libraryAccountSetting.getValue()).not.toBeNull();
    },
    async recover(world) {
      await world.session.auth.signIn(world.standIn.clientId);
      await world.account.restore();
    },
  },
  {
    name: 'the browser offline before the sync starts',
    arrange: ({ world }) => world.setOnline(false),
    ends: 'offline',
    async recover(world) {
      world.setOnline(true);
      await world.controller.connectivityChanged(true);
      return world.syncState();
    },
  },
  {
    name: 'the network lost part-way',
    arrange({ world, after }) {
      world.standIn.afterRequests(
        after,
        (s) => {
          world.setOnline(false);
          s.faults.push({ kind: 'drop', times: Infinity });
        },
        '/v1/me/tracks',
      );
    },
    ends: 'offline',
    async recover(world) {
      world.standIn.faults.clear();
      world.setOnline(true);
      await world.controller.connectivityChanged(true);
      return world.syncState();
    },
  },
  {
    name: 'a page that is not JSON',
    arrange: ({ world, after }) => pages(world, after, { kind: 'malformed' }),
    ends: 'error',
    message: /not JSON.*safe/,
  },
  {
    name: 'a page of the wrong shape',
    arrange: ({ world, after }) => pages(world, after, { kind: 'body', body: { items: 'none', total: '12' } }),
    ends: 'error',
    message: /malformed page.*safe/s,
  },
  {
    name: 'tracks saved and removed on Spotify while 503s come in',
    arrange({ world, after }) {
      pages(world, after, { kind: 'status', status: 503, times: 2 });
      world.standIn.afterRequests(
        after + 1,
        (s) => {
          s.library.add(3);
          s.library.removeAt([100]);
        },
        '/v1/me/tracks',
      );
    },
    ends: 'ready',
  },
  {
    name: 'a full disk (QuotaExceededError) on write',
    arrange() {
      undoDiskFull = fillDisk();
    },
    ends: 'error',
    message: /no room left/,
    async recover() {
      undoDiskFull?.();
      undoDiskFull = undefined;
    },
  },
];

describe.each<Mode>(['the first sync', 'an incremental sync'])('faults during %s', (mode) => {
  it.each(matrix)('$name: ends $ends, the cache whole, the next sync exact', async (fault) => {
    world = await startFaultWorld();
    let before: string[] | null = null;
    if (mode === 'an incremental sync') {
      expect((await world.sync()).state).toBe('ready');
      world.standIn.library.add(3);
      world.standIn.library.removeAt([150, 450]);
      before = await cachedKeys(world.db);
    }
    const context = { refreshesBefore: world.standIn.auth.refreshCount, startedAt: world.now() };
    fault.arrange({ world, after: mode === 'the first sync' ? 5 : 1 });

    const status = await world.sync();
    expect(status.state).toBe(fault.ends);
    if (fault.message) expect(status.message).toMatch(fault.message);
    await fault.check?.(world, status, context);
    if (fault.ends === 'ready') {
      await expectCacheEqualsServer(world.db, world.standIn);
      await expectNoDuplicates(world.db);
      return;
    }

    await expectLibraryIntact(world.db, world.standIn, before);
    const next = (await fault.recover?.(world)) ?? (await world.sync());
    expect(next.state).toBe('ready');
    await expectCacheEqualsServer(world.db, world.standIn);
    await expectNoDuplicates(world.db);
  });
});

const offsetsFrom = (w: FaultWorld, from: number) =>
  w.standIn.requests
    .slice(from)
    .filter((request) => request.path === '/v1/me/tracks')
    .map((request) => Number(request.query.offset));

describe('the service worker stopped during a sync', () => {
  it.each<{
    name: string;
    before: 'empty' | 'complete, 3 saves and 2 removals' | 'complete, 40 scattered removals';
    stopAt: (offset: number, n: number) => boolean;
  }>([
    { name: 'at its first page, before anything is staged', before: 'empty', stopAt: (_, n) => n === 1 },
    { name: 'mid-way through the pages', before: 'empty', stopAt: (_, n) => n === 6 },
    {
      name: 'at the closing read that ends the pass',
      before: 'empty',
      stopAt: (offset, n) => offset === 0 && n > 1,
    },
    { name: 'during an incremental sync’s removal search', before: 'complete, 3 saves and 2 removals', stopAt: (_, n) => n === 3 },
    { name: 'during a full re-sync that replaces a complete library', before: 'complete, 40 scattered removals', stopAt: (_, n) => n === 6 },
  ])('$name ($before): the next worker resumes and ends exact', async ({ before, stopAt }) => {
    world = await startFaultWorld();
    let published: string[] | null = null;
    if (before !== 'empty') {
      expect((await world.sync()).state).toBe('ready');
      if (before.includes('40')) world.standIn.library.removeAt(Array.from({ length: 40 }, (_, index) => index * 14));
      else {
        world.standIn.library.add(3);
        world.standIn.library.removeAt([150, 450]);
      }
      published = await cachedKeys(world.db);
    }

    const stopped = stopWorkerWhen(world, stopAt);
    void world.controller.sync();
    expect(await stopped).toBe('stopped');
    expect((await world.syncState()).state).toBe('syncing');
    await expectLibraryIntact(world.db, world.standIn, published);
    const checkpoint = await readFullSyncCheckpoint(world.db);
    const staged = new Set(checkpoint?.pageTotals.flatMap((total, index) => (total === null ? [] : [index * 50])) ?? []);

    const resumedFrom = world.standIn.requests.length;
    expect((await world.restartWorker()).state).toBe('ready');
    await expectCacheEqualsServer(world.db, world.standIn);
    await expectNoDuplicates(world.db);
    // SPEC §4: no page it already had is fetched again (page 0 closes the pass, so it may be).
    expect(offsetsFrom(world, resumedFrom).filter((offset) => offset !== 0 && staged.has(offset))).toEqual([]);
  });
});

describe('a full disk during a Save', () => {
  it('reports it, sends nothing to Spotify and leaves the library as it was', async () => {
    world = await startFaultWorld({ library: { size: 300, seed: 62 } });
    expect((await world.sync()).state).toBe('ready');
    const w = world;
    const before = await cachedKeys(w.db);
    const trackId = w.standIn.library.unsavedIds()[0]!;
    const actions = createLibraryActions({
      api: w.session.api,
      trackDetails: createTrackDetailsCache(w.session.api),
      signedInLibrary: async () => w.db,
      readableLibrary: async () => w.db,
      resolveSavedState: async () => ({ kind: 'not-saved' }),
      tabUrl: async () => undefined,
      trackChanged: async () => undefined,
      confirmed: () => undefined,
    });
    const libraryWrites = () => w.standIn.requests.filter((request) => request.method === 'PUT' || request.method === 'DELETE');

    undoDiskFull = fillDisk();
    await expect(actions.setTrackSaved(trackId, true)).rejects.toThrow(/no room left/);
    undoDiskFull();
    undoDiskFull = undefined;

    expect(libraryWrites()).toEqual([]);
    expect(w.standIn.library.isSaved(trackId)).toBe(false);
    expect(await cachedKeys(w.db)).toEqual(before);
  });
});
