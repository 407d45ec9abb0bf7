/**
 * What the background runs for a sync, minus the browser: the real sync controller (which maps
 * errors to the state the popup shows), the real account controller (sign-out on a dead refresh
 * token), the real engine and API client, against the stand-in over HTTP, with fake-indexeddb
 * and WXT's fake browser storage. Fault tests drive it and read back the state and the cache.
 *
 * The clock and the network are knobs: `advanceClock` plays "the Retry-After window has passed"
 * without waiting, `setOnline(false)` plays the browser reporting that it is offline. With
 * `timeFactor`, the stand-in's clock and the client's both run that many times as fast as real
 * time (rate-limit windows of 30 s in a fraction of a second); waits scale with them.
 *
 * Each simulated service worker paces its calls with the background's own pacer registry,
 * whose records live in (fake) storage.local, as the extension's do.
 */
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccountController, type AccountController } from '../../../lib/background/account';
import { storedProblems } from '../../../lib/background/problem-store';
import { createStatusStore, type StatusStore } from '../../../lib/background/status-store';
import { createSyncController, type SyncController } from '../../../lib/background/sync-controller';
import { openLibraryDb, readAllTracks, readLibrarySummary, type LibraryDb } from '../../../lib/library/store';
import { hasUnfinishedSync, syncSavedTracks, type SyncOptions, type SyncResult } from '../../../lib/sync/sync';
import { createSpotifyApi } from '../../../lib/spotify/api-client';
import { realClock, type Pacer, type PacerClock } from '../../../lib/spotify/pacer';
import { createPacers } from '../../../lib/spotify/pacers';
import { appStatusItem, libraryAccountSetting, pacingItem } from '../../../lib/storage-items';
import { initialAppStatus, type SyncStatus } from '../../../lib/status';
import type { LoggedRequest } from '../../stand-in/request-log';
import type { StandIn, StandInOptions } from '../../stand-in/server';
import { serverTracks, startSession, type StandInSession } from '../library/stand-in-session';

/**
 * Client timeout in these tests: short enough that a `hang` fault times out quickly, long enough
 * that an ordinary answer on a loaded CI machine (event loop stalls of several hundred ms) never does.
 */
export const CLIENT_TIMEOUT_MS = 1_500;
/** A `hang` that must not time out: far below CLIENT_TIMEOUT_MS, for the same reason. */
export const SLOW_ANSWER_MS = CLIENT_TIMEOUT_MS / 5;

export interface FaultWorld {
  session: StandInSession;
  standIn: StandIn;
  status: StatusStore;
  account: AccountController;
  /** The sync controller of the current (simulated) service worker. */
  controller: SyncController;
  /** The library database as the current service worker has it open. */
  readonly db: LibraryDb;
  /** Alarm times the controller asked for (a paused sync's resume). */
  readonly resumesScheduled: number[];
  /** The pacer of the current service worker (the signed-in Client ID's). */
  pacer(): Promise<Pacer>;
  /** Web API requests logged so far (any path under `/v1/`). */
  apiRequests(): number;
  sync(): Promise<SyncStatus>;
  syncState(): Promise<SyncStatus>;
  /**
   * Plays the resume alarm of a sync paused within a minute (state `syncing` with a resume time:
   * pacing for the rate limit) until it ends: the clock moves to the resume time (a world with
   * `timeFactor` waits for it instead) and the controller syncs, as the alarm makes it.
   */
  resumeWhilePaused(status: SyncStatus): Promise<SyncStatus>;
  /** Moves the client's clock (API client and controller) forward: a wait has passed. */
  advanceClock(ms: number): void;
  now(): number;
  /** Waits until the client's clock reads `time` (scaled like every wait of this world). */
  waitUntil(time: number): Promise<void>;
  setOnline(online: boolean): void;
  /**
   * A new service worker: a new database connection, a new API client (its rate gate as the
   * background persists it), a new controller; storage (status, settings) carries over.
   * Runs what `BackgroundApp.start()` runs for a sync.
   */
  restartWorker(): Promise<SyncStatus>;
  /**
   * The controller's engine call, to wrap (a stopped worker, a spy). Default: the real
   * `syncSavedTracks`.
   */
  engine: (options: SyncOptions) => Promise<SyncResult>;
  close(): Promise<void>;
}

export async function startFaultWorld(options: StandInOptions & { timeFactor?: number; clientTimeoutMs?: number } = {}): Promise<FaultWorld> {
  const { timeFactor = 1, clientTimeoutMs = CLIENT_TIMEOUT_MS, ...standInOptions } = options;
  let skew = 0;
  let online = true;
  const session = await startSession({ library: { size: 600, seed: 61 }, ...standInOptions });
  const { standIn } = session;
  if (timeFactor !== 1) standIn.clock.speedUp(timeFactor);
  const now = () => (timeFactor === 1 ? Date.now() : standIn.clock.now()) + skew;
  const clock: PacerClock = { now, sleep: (ms, signal) => realClock.sleep(ms / timeFactor, signal) };
  // `random: 0` gives backoff delays of 0 ms: retries without waiting.
  const apiOptions = {
    random: () => 0,
    now,
    sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal ?? new AbortController().signal),
    isOnline: () => online,
    timeoutMs: clientTimeoutMs,
  };
  const { clientId, account } = (await session.auth.currentSession())!;

  fakeBrowser.reset();
  await libraryAccountSetting.setValue(account);
  await appStatusItem.setValue({
    ...initialAppStatus,
    signedIn: true,
    account,
    sync: { ...initialAppStatus.sync, state: 'never' },
  });
  const status = createStatusStore();
  const accountController = createAccountController(session.auth, status);
  const resumesScheduled: number[] = [];
  /** What a service worker builds on start: its pacers from storage.local, an API client on them. */
  const newWorkerApi = () => {
    const pacers = createPacers({ load: () => pacingItem.getValue(), save: (records) => pacingItem.setValue(records) }, clock);
    const pacer = () => pacers.forClient(clientId);
    return { pacer, api: createSpotifyApi({ apiBase: standIn.apiBase, tokens: session.auth.tokens, pacer, ...apiOptions }) };
  };
  let { api, pacer } = newWorkerApi();

  const world: FaultWorld = {
    session,
    standIn,
    status,
    account: accountController,
    controller: undefined as unknown as SyncController,
    get db() {
      return session.db;
    },
    resumesScheduled,
    pacer: () => pacer(),
    apiRequests: () => standIn.count('/v1/'),
    async sync() {
      await world.controller.sync();
      return world.syncState();
    },
    syncState: async () => (await status.get()).sync,
    async resumeWhilePaused(paused) {
      let current = paused;
      while (current.state === 'syncing' && current.resumeAt !== null) {
        expect(resumesScheduled.at(-1)).toBe(current.resumeAt);
        if (timeFactor === 1) world.advanceClock(Math.max(0, current.resumeAt - now()));
        else await world.waitUntil(current.resumeAt);
        current = await world.sync();
      }
      return current;
    },
    advanceClock(ms) {
      skew += ms;
    },
    now,
    waitUntil: (time) => clock.sleep(Math.max(0, time - now()), new AbortController().signal),
    setOnline(value) {
      online = value;
    },
    async restartWorker() {
      session.db.close();
      session.db = await openLibraryDb(session.accountKey);
      ({ api, pacer } = newWorkerApi());
      world.engine = syncSavedTracks;
      world.controller = newController();
      // BackgroundApp.start(): a checkpoint means a sync was cut short; otherwise sync if stale.
      if (await hasUnfinishedSync(session.db)) await world.controller.sync();
      else await world.controller.syncIfStale();
      return world.syncState();
    },
    engine: syncSavedTracks,
    close: () => session.close(),
  };

  function newController(): SyncController {
    return createSyncController({
      status,
      api,
      rateGate: async () => (await pacer()).gate(),
      signedInLibrary: async () => ((await session.auth.currentSession()) ? session.db : null),
      endSession: (message, problem) => accountController.endSession(message, problem),
      scheduleResume: async (at) => {
        resumesScheduled.push(at);
      },
      redrawBadges: async () => undefined,
      isOnline: () => online,
      writesSettled: async () => undefined,
      problems: storedProblems,
      now,
      sync: (syncOptions) => world.engine(syncOptions),
    });
  }
  world.controller = newController();
  return world;
}

/**
 * Matches `GET /me/tracks` requests after the first `k` from now: a fault that lands part-way
 * through a sync instead of on its first page.
 */
export function tracksRequestsAfter(standIn: StandIn, k: number): (request: LoggedRequest) => boolean {
  const base = standIn.count('/v1/me/tracks');
  // The request being matched is already in the log.
  return (request) => request.path === '/v1/me/tracks' && standIn.count('/v1/me/tracks') - base > k;
}

/** The cache as `uri@added_at`, newest first. */
export async function cachedKeys(db: LibraryDb): Promise<string[]> {
  return (await readAllTracks(db)).map((track) => `${track.uri}@${track.addedAt}`);
}

/** No track twice: a save is one row however often its page was read. */
export async function expectNoDuplicates(db: LibraryDb): Promise<void> {
  const uris = (await readAllTracks(db)).map((track) => track.uri);
  expect(uris.length - new Set(uris).size).toBe(0);
}

/**
 * After a sync that stopped: readers still see a whole library. A complete one must be exactly
 * the one from before; the first sync's partial one holds only tracks that are on the server,
 * each once.
 */
export async function expectLibraryIntact(db: LibraryDb, standIn: StandIn, before: readonly string[] | null): Promise<void> {
  await expectNoDuplicates(db);
  const cached = await cachedKeys(db);
  if (before) {
    expect(cached).toEqual(before);
    expect((await readLibrarySummary(db)).complete).toBe(true);
    return;
  }
  expect((await readLibrarySummary(db)).complete).toBe(false);
  const onServer = new Set(serverTracks(standIn));
  expect(cached.filter((key) => !onServer.has(key))).toEqual([]);
}

/**
 * Makes the next sync's service worker stop when `stopAt` says (called for each page request
 * with its offset and its number): requests in flight are cut, and the engine's promise never
 * settles, so the controller reports nothing, as a stopped worker does. Resolves `stopped`
 * once it has, or `finished` when the sync ended before `stopAt` said so.
 */
export function stopWorkerWhen(w: FaultWorld, stopAt: (offset: number, pageRequests: number) => boolean): Promise<'stopped' | 'finished'> {
  const previous = w.engine;
  return new Promise((settled) => {
    // For one sync only: the worker started after it runs the plain engine.
    w.engine = (options: SyncOptions) => {
      w.engine = previous;
      return new Promise<SyncResult>((resolve, reject) => {
        const stop = new AbortController();
        let requests = 0;
        const unlisten = w.standIn.onRequest((request) => {
          if (request.path !== '/v1/me/tracks' || stop.signal.aborted) return;
          if (stopAt(Number(request.query.offset), ++requests)) stop.abort(new Error('service worker stopped'));
        });
        syncSavedTracks({ ...options, signal: stop.signal }).then(
          (result) => {
            unlisten();
            resolve(result);
            settled('finished');
          },
          (error: unknown) => {
            unlisten();
            // A stopped worker reports nothing: the state stays `syncing`, as Chrome leaves it.
            if (stop.signal.aborted) return settled('stopped');
            reject(error);
            settled('finished');
          },
        );
      });
    };
  });
}
