import { t } from '../i18n';
import { formatClockTime } from '../format';
import type { LibraryDb } from '../library/db';
import type { RestoreFailure, RestorePause } from '../library/restore-records';
import type { SpotifyApi } from '../spotify/api-client';
import { HttpError, NetworkError, NotSignedInError, RateLimitedError, ServerError, SessionEndedError } from '../spotify/errors';
import * as endpoints from '../spotify/endpoints';
import { callUris } from './restore-order';
import { readRestoreItems, readRestoreProgress, updateRestoreProgress, type RestoreProgress } from './restore-store';

/**
 * Runs the stored restore job (restore-store.ts) from where it stands until it is done, paused
 * or stopped by an error, one `PUT /me/library` of up to 40 tracks at a time, each through the
 * shared API client and so under the same rate gate as the sync.
 *
 * Exactly once, across stopped workers and restarted browsers. Before a call its tracks are
 * written down as `sending`; after Spotify's answer, as settled. A stop in between leaves
 * `sending`: the next run asks `GET /me/library/contains` about those tracks first (once the
 * call can no longer be on its way) and sends only the ones Spotify does not have. The client does not repeat such a call on its own
 * either (`retryUnanswered: false`): a dropped connection leaves the same question.
 *
 * A call Spotify refuses as bad (400, 404) is split in halves until the track it refuses is
 * alone: that one fails, with Spotify's reason, and the rest are saved.
 */

/** Failures listed with their reason in the stored result; the count covers all. */
const MAX_FAILURES_LISTED = 100;
/** A 5xx after the client's own retries: try again in a minute. */
const SERVER_RETRY_MS = 60_000;
/**
 * How long a call handed to Spotify may still land: the API client gives up on an answer
 * after 20 s. A stopped worker's call can still be on its way when the next worker starts;
 * asked about sooner, Spotify might not have it yet, and it would be sent twice.
 */
export const UNANSWERED_HORIZON_MS = 20_000;

export interface RestoreRunDeps {
  db: LibraryDb;
  api: SpotifyApi;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Each stored change, for the pages. */
  onProgress?: (progress: RestoreProgress) => void | Promise<void>;
}

/** Returns the job as it stands when the run ends; null when there is none. */
export async function runRestoreJob(deps: RestoreRunDeps): Promise<RestoreProgress | null> {
  const { db, api } = deps;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const [stored, items] = await Promise.all([readRestoreProgress(db), readRestoreItems(db)]);
  if (!stored || !items || stored.state === 'done') return stored;
  const { uris, labels } = items;
  if (stored.state === 'paused' && stored.pausedBy === 'user' && !stored.cancelled) return stored;

  let progress: RestoreProgress | null = stored;
  async function update(change: (current: RestoreProgress) => RestoreProgress, restored: readonly string[] = []): Promise<void> {
    progress = await updateRestoreProgress(db, change, restored);
    if (progress) await deps.onProgress?.(progress);
  }

  const urisOf = (indexes: readonly number[]) => indexes.map((index) => uris[index]!);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => from + offset);

  /** Saves these tracks; splits a refused call to find the tracks Spotify refuses. */
  async function save(indexes: readonly number[]): Promise<{ saved: number[]; failed: RestoreFailure[] }> {
    try {
      await endpoints.save(api, callUris(urisOf(indexes)), { retryUnanswered: false });
      return { saved: [...indexes], failed: [] };
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 404)) throw error;
      if (indexes.length === 1) {
        const index = indexes[0]!;
        return { saved: [], failed: [{ uri: uris[index]!, label: labels[index]!, reason: t('errors.restoreRefused', { reason: error.message }) }] };
      }
      // Older half first, so the saved ones keep their order.
      const middle = Math.ceil(indexes.length / 2);
      const older = await save(indexes.slice(0, middle));
      const newer = await save(indexes.slice(middle));
      return { saved: [...older.saved, ...newer.saved], failed: [...older.failed, ...newer.failed] };
    }
  }

  async function settle(to: number, saved: readonly number[], failed: readonly RestoreFailure[]): Promise<void> {
    await update(
      (current) => ({
        ...current,
        position: to,
        sending: null,
        restored: current.restored + saved.length,
        failedCount: current.failedCount + failed.length,
        failures: [...current.failures, ...failed].slice(0, MAX_FAILURES_LISTED),
      }),
      urisOf(saved),
    );
  }

  /** A call that may or may not have landed: ask Spotify, then send only what it lacks (unless cancelling). */
  async function settleUnanswered(sending: NonNullable<RestoreProgress['sending']>, cancelling: boolean): Promise<void> {
    const wait = sending.at + UNANSWERED_HORIZON_MS - now();
    if (wait > 0) await sleep(Math.min(wait, UNANSWERED_HORIZON_MS));
    const indexes = range(sending.from, sending.to);
    const answers = await endpoints.contains(api, urisOf(indexes));
    const there = indexes.filter((_, index) => answers[index]);
    const missing = indexes.filter((_, index) => !answers[index]);
    if (cancelling || missing.length === 0) return settle(sending.to, there, []);
    const outcome = await save(missing);
    await settle(sending.to, [...there, ...outcome.saved], outcome.failed);
  }

  try {
    await update((current) => (current.cancelled ? current : { ...current, state: 'running', pausedBy: null, resumeAt: null, message: null }));
    for (;;) {
      const current: RestoreProgress | null = progress;
      if (!current) return null;
      if (current.cancelled) {
        if (current.sending) await settleUnanswered(current.sending, true);
        await update((latest) => ({ ...latest, state: 'done', sending: null, finishedAt: now() }));
        return progress;
      }
      if (current.state === 'paused') return current;
      if (current.sending) {
        await settleUnanswered(current.sending, false);
        continue;
      }
      if (current.position >= current.total) {
        await update((latest) => ({ ...latest, state: 'done', finishedAt: now() }));
        return progress;
      }
      const sending = { from: current.position, to: Math.min(current.total, current.position + endpoints.MAX_URIS_PER_CALL), at: now() };
      // A Pause or Cancel stored since the last change wins over the next call.
      await update((latest) => (latest.state === 'running' && !latest.cancelled ? { ...latest, sending } : latest));
      if (!progress?.sending) continue;
      const outcome = await save(range(sending.from, sending.to));
      await settle(sending.to, outcome.saved, outcome.failed);
    }
  } catch (error) {
    await update((latest) => stopped(latest, error, now()));
    return progress;
  }
}

/**
 * Where a failed call leaves the job: paused, to carry on by itself (or after a sign-in), or
 * stopped with the reason. `sending` stays as it was: whether the call landed is asked next time.
 */
function stopped(progress: RestoreProgress, error: unknown, now: number): RestoreProgress {
  const pause = (pausedBy: RestorePause, message: string, resumeAt: number | null = null): RestoreProgress => ({
    ...progress,
    state: 'paused',
    pausedBy,
    resumeAt,
    message,
  });
  if (error instanceof RateLimitedError) {
    return pause('rate-limited', t('errors.restoreWait', { time: formatClockTime(error.resumeAt) }), error.resumeAt);
  }
  if (error instanceof NetworkError) return pause('offline', t('errors.restoreOffline'));
  if (error instanceof ServerError) {
    const resumeAt = now + SERVER_RETRY_MS;
    return pause('server', `${error.message}. The restore tries again at ${formatClockTime(resumeAt)}.`, resumeAt);
  }
  if (error instanceof SessionEndedError || error instanceof NotSignedInError) {
    return pause('signed-out', t('errors.restoreSignIn'));
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...progress, state: 'error', pausedBy: null, resumeAt: null, message: t('errors.restoreStopped', { reason: message }) };
}
