import { t } from '../i18n';
import { readLibrarySummary, StorageFullError, type LibraryDb } from '../library/store';
import { LibraryKeptChangingError, syncSavedTracks, type SyncOptions, type SyncResult } from '../sync/sync';
import type { SpotifyApi } from '../spotify/api-client';
import {
  NetworkError,
  NotSignedInError,
  RateLimitedError,
  RefusedError,
  ServerError,
  SessionEndedError,
  UnexpectedResponseError,
  type SpotifyProblem,
} from '../spotify/errors';
import type { GateState } from '../spotify/pacer';
import { formatClockTime, formatCount } from '../format';
import type { SyncStatus } from '../status';
import { holdsAutomaticSync, REFUSAL_RETRY_MS, type ProblemStore } from './problem-store';
import type { StatusStore } from './status-store';

/** SPEC §4: opening the popup syncs when the last sync is older than this. */
export const STALE_AFTER_MS = 5 * 60_000;
/** Progress is written to storage at most this often: each write wakes every open page. */
const PROGRESS_INTERVAL_MS = 250;
/** During a first sync the partial library grows; pages reload it at most this often. */
const PARTIAL_REFRESH_INTERVAL_MS = 1500;
/**
 * How soon a sync cut by a suspended background starts again: after the unload, which an alarm
 * firing during it would cancel (leaving the stalled requests as they were).
 */
export const RESUME_AFTER_SUSPEND_MS = 2_000;
/** SPEC §3: a longer wait shows `rate-limited` with its resume time; a shorter one is part of syncing. */
const LONGEST_UNSHOWN_WAIT_MS = 60_000;

export interface SyncControllerDeps {
  status: StatusStore;
  api: SpotifyApi;
  /** The signed-in Client ID's rate gate (lib/spotify/pacer.ts): no sync starts while it is closed. */
  rateGate(): Promise<GateState>;
  /** The signed-in account's library, or null when signed out. */
  signedInLibrary(): Promise<LibraryDb | null>;
  /** Called when the refresh token stopped working; `problem` when the user has a refusal to fix. */
  endSession(message: string, problem?: SpotifyProblem): Promise<void>;
  /** Schedules the one-shot alarm that resumes a paused sync. */
  scheduleResume(at: number): Promise<void>;
  /** The cache changed (already counted in `libraryVersion`): badges redraw. */
  redrawBadges(): Promise<void>;
  isOnline(): boolean;
  /** Resolves when no Save or Remove is on its way to Spotify. */
  writesSettled(): Promise<void>;
  /** The development-mode refusal that stands (SPEC §3): no automatic sync before its retry time. */
  problems: ProblemStore;
  now?: () => number;
  sync?: (options: SyncOptions) => Promise<SyncResult>;
}

export interface SyncRequest {
  /** "Sync now" or a sign-in: asks Spotify even while a development-mode refusal stands. */
  userAsked?: boolean;
}

export interface SyncController {
  /** "Sync now", alarms, sign-in: runs a sync unless one is running (then joins it). */
  sync(request?: SyncRequest): Promise<void>;
  /**
   * Popup opened, or the service worker started: sync if the last one is older than five
   * minutes, or was cut short (a stopped worker leaves the state at 'syncing').
   */
  syncIfStale(): Promise<void>;
  /** The browser went offline or back online. */
  connectivityChanged(online: boolean): Promise<void>;
  /**
   * The browser is about to suspend the background (`runtime.onSuspend`). Firefox suspends an
   * idle event page even mid-sync: a pending fetch is no activity to it, only extension API
   * calls and events are, so a sync whose requests all stall for its idle timeout (30 s) is cut.
   * Nothing would start it again until some event came; the resume alarm is that event, and
   * the sync carries on from its checkpoint.
   */
  suspending(): Promise<void>;
}

export function createSyncController(deps: SyncControllerDeps): SyncController {
  const now = deps.now ?? Date.now;
  const runSync = deps.sync ?? syncSavedTracks;
  let running: Promise<void> | null = null;

  async function run({ userAsked = false }: SyncRequest): Promise<void> {
    await deps.writesSettled();
    const db = await deps.signedInLibrary();
    if (!db) return;
    // A refusal is not fixed by asking again: at most one try an hour, unless the user asks.
    if (!userAsked && holdsAutomaticSync(await deps.problems.current(), now())) return;
    const gate = await deps.rateGate();
    if (gate.until > now()) {
      await pauseForRateLimit(new RateLimitedError(gate.until, gate.quotaExceeded));
      return;
    }
    if (!deps.isOnline()) {
      await deps.status.updateSync({ state: 'offline', progress: null, message: t('errors.offlineSearching') });
      return;
    }

    const before = await readLibrarySummary(db);
    await deps.status.updateSync({
      state: 'syncing',
      progress: null,
      partial: !before.complete,
      resumeAt: null,
      message: null,
    });
    let lastProgressAt = 0;
    let lastPartialRefreshAt = now();
    try {
      const result = await runSync({
        db,
        api: deps.api,
        now,
        onProgress: (progress) => {
          const at = now();
          if (at - lastProgressAt >= PROGRESS_INTERVAL_MS || progress.done >= progress.total) {
            lastProgressAt = at;
            void deps.status.updateSync({ progress: { done: progress.done, total: progress.total } });
          }
          if (!before.complete && at - lastPartialRefreshAt >= PARTIAL_REFRESH_INTERVAL_MS) {
            lastPartialRefreshAt = at;
            void deps.status.update((current) => ({ ...current, libraryVersion: current.libraryVersion + 1 }));
          }
        },
      });
      await deps.problems.clear();
      const after = await readLibrarySummary(db);
      const changed = result.kind !== 'unchanged' || !before.complete;
      // One update: a page that sees 'ready' also sees the version of the library it ends with.
      await deps.status.update((current) => ({
        ...current,
        sync: {
          ...current.sync,
          state: 'ready',
          progress: null,
          partial: false,
          lastSyncedAt: after.lastSyncedAt ?? now(),
          message: placesMessage(result),
        },
        libraryVersion: changed ? current.libraryVersion + 1 : current.libraryVersion,
      }));
      if (changed) await deps.redrawBadges();
    } catch (error) {
      // A first sync announces its partial library at most every PARTIAL_REFRESH_INTERVAL_MS:
      // the chunks written since the last announcement would stay unseen by the pages for as
      // long as the pause or the failure lasts (a rate-limit wait: up to an hour).
      if (!before.complete) await deps.status.update((current) => ({ ...current, libraryVersion: current.libraryVersion + 1 }));
      await reportFailure(error, db);
    }
  }

  /** SPEC §3: every wait that reaches here (over 20 s) is held by the resume alarm, not by a timer. */
  async function pauseForRateLimit(error: RateLimitedError): Promise<void> {
    await deps.scheduleResume(error.resumeAt);
    if (!error.quotaExceeded && error.resumeAt - now() <= LONGEST_UNSHOWN_WAIT_MS) {
      await deps.status.updateSync({
        state: 'syncing',
        resumeAt: error.resumeAt,
        message: t('errors.pacing'),
      });
      return;
    }
    await deps.status.updateSync({
      state: 'rate-limited',
      progress: null,
      resumeAt: error.resumeAt,
      message: error.quotaExceeded
        ? t('errors.quota', { time: formatClockTime(error.resumeAt) })
        : t('errors.slowDown', { time: formatClockTime(error.resumeAt) }),
    });
  }

  async function reportFailure(error: unknown, db: LibraryDb): Promise<void> {
    const partial = !(await readLibrarySummary(db)).complete;
    const failed = async (state: SyncStatus['state'], message: string): Promise<void> => {
      await deps.status.updateSync({ state, progress: null, partial, message });
    };

    if (error instanceof RateLimitedError) return pauseForRateLimit(error);
    if (error instanceof RefusedError) {
      const retryAt = now() + REFUSAL_RETRY_MS;
      await deps.problems.report(error.problem, retryAt);
      await deps.scheduleResume(retryAt);
      // The why and the fix are the pages' [data-problem]; this line says what happens next.
      return failed('error', t('errors.syncRefused', { time: formatClockTime(retryAt) }));
    }
    if (error instanceof SessionEndedError) return deps.endSession(error.message, error.problem);
    if (error instanceof NotSignedInError) return;
    if (error instanceof NetworkError) {
      return failed('offline', t('errors.offlineUnreachable'));
    }
    if (error instanceof StorageFullError) return failed('error', error.message);
    if (error instanceof ServerError) {
      return failed('error', `${error.message}. Your library is safe; the sync will carry on from where it stopped.`);
    }
    if (error instanceof LibraryKeptChangingError || error instanceof UnexpectedResponseError) {
      return failed('error', `${error.message} Your library is safe; try Sync now in a moment.`);
    }
    return failed('error', t('errors.syncStopped', { reason: error instanceof Error ? error.message : String(error) }));
  }

  const controller: SyncController = {
    sync(request = {}) {
      running ??= run(request).finally(() => {
        running = null;
      });
      return running;
    },
    async syncIfStale() {
      if (running) return;
      const { sync } = await deps.status.get();
      if (sync.state === 'signed-out') return;
      // A paused sync (rate-limited, or pacing within a minute) is resumed by its alarm.
      if ((sync.state === 'rate-limited' || sync.state === 'syncing') && (sync.resumeAt ?? 0) > now()) return;
      if (sync.lastSyncedAt !== null && now() - sync.lastSyncedAt < STALE_AFTER_MS && sync.state === 'ready') return;
      await controller.sync();
    },
    async connectivityChanged(online) {
      const { sync } = await deps.status.get();
      if (!online && sync.state !== 'signed-out' && sync.state !== 'syncing') {
        await deps.status.updateSync({ state: 'offline', message: t('errors.offlineSearching') });
      }
      if (online && sync.state === 'offline') await controller.sync();
    },
    async suspending() {
      if (running) await deps.scheduleResume(now() + RESUME_AFTER_SUSPEND_MS);
    },
  };
  return controller;
}

/** What the library lacks of what Spotify counts, in words; null when nothing. */
function placesMessage({ skipped, unavailable }: Pick<SyncResult, 'skipped' | 'unavailable'>): string | null {
  const sentences: string[] = [];
  if (skipped > 0) {
    sentences.push(t('errors.skipped', skipped, { count: formatCount(skipped) }));
  }
  if (unavailable > 0) {
    sentences.push(t('errors.unavailable', unavailable, { count: formatCount(unavailable) }));
  }
  return sentences.length > 0 ? sentences.join(' ') : null;
}
