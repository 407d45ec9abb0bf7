import type { LibraryDb } from '../library/db';
import { forgetSaved } from '../library/removal-history';
import type { RestoreItemsRecord, RestoreProgress, RestoreSource } from '../library/restore-records';
import { inWriteTransaction } from '../library/write-transaction';
import type { RestoreCandidate } from './restore-order';

/**
 * The restore job as the account's database keeps it (lib/library/restore-records.ts): one
 * job at a time. Every change to its progress is a read-modify-write in one transaction, so
 * the runner's counts and the user's Pause or Cancel, written from two places, never
 * overwrite each other.
 */

export type { RestoreProgress } from '../library/restore-records';

export class RestoreAlreadyRunningError extends Error {
  override name = 'RestoreAlreadyRunningError';
  constructor() {
    super('A restore is already under way: let it finish, or cancel it first.');
  }
}

export async function readRestoreProgress(db: LibraryDb): Promise<RestoreProgress | null> {
  const record = await db.get('restoreJob', 'progress');
  if (record?.key !== 'progress') return null;
  const { key: _key, ...progress } = record;
  return progress;
}

export async function readRestoreItems(db: LibraryDb): Promise<Pick<RestoreItemsRecord, 'uris' | 'labels'> | null> {
  const record = await db.get('restoreJob', 'items');
  return record?.key === 'items' ? { uris: record.uris, labels: record.labels } : null;
}

/** Whether a job is there that has not finished (running, paused or stopped by an error). */
export function isUnfinished(progress: RestoreProgress | null): boolean {
  return progress !== null && progress.state !== 'done';
}

export interface NewRestoreJob {
  jobId: string;
  source: RestoreSource;
  fileName: string | null;
  /** In sending order (restore-order.ts). */
  tracks: readonly RestoreCandidate[];
  createdAt: number;
}

/** Writes a new job in place of a finished one; refuses while another is unfinished. */
export function createRestoreJob(db: LibraryDb, job: NewRestoreJob): Promise<RestoreProgress> {
  return inWriteTransaction(db, ['restoreJob'], async (transaction) => {
    const store = transaction.objectStore('restoreJob');
    const current = await store.get('progress');
    if (current?.key === 'progress' && current.state !== 'done') throw new RestoreAlreadyRunningError();
    const progress: RestoreProgress = {
      jobId: job.jobId,
      source: job.source,
      fileName: job.fileName,
      createdAt: job.createdAt,
      total: job.tracks.length,
      position: 0,
      sending: null,
      restored: 0,
      failedCount: 0,
      failures: [],
      state: 'running',
      pausedBy: null,
      resumeAt: null,
      cancelled: false,
      message: null,
      finishedAt: null,
    };
    await Promise.all([
      store.put({
        key: 'items',
        jobId: job.jobId,
        uris: job.tracks.map((track) => track.uri),
        labels: job.tracks.map((track) => track.label),
      }),
      store.put({ key: 'progress', ...progress }),
    ]);
    return progress;
  });
}

/**
 * Applies `change` to the stored progress and returns what is stored now; null when there is
 * no job (deleted with the local data meanwhile). URIs in `restored` leave the history of
 * removals in the same transaction: a restored track leaves the "Removed from Spotify" view
 * as soon as Spotify has it.
 */
export function updateRestoreProgress(
  db: LibraryDb,
  change: (progress: RestoreProgress) => RestoreProgress,
  restored: readonly string[] = [],
): Promise<RestoreProgress | null> {
  return inWriteTransaction(db, ['restoreJob', 'removedTracks'], async (transaction) => {
    const store = transaction.objectStore('restoreJob');
    const record = await store.get('progress');
    if (record?.key !== 'progress') return null;
    const { key: _key, ...current } = record;
    const next = change(current);
    await Promise.all([store.put({ key: 'progress', ...next }), forgetSaved(transaction.objectStore('removedTracks'), restored)]);
    return next;
  });
}

/** Forgets a finished job (its result was read). */
export function clearRestoreJob(db: LibraryDb): Promise<void> {
  return inWriteTransaction(db, ['restoreJob'], async (transaction) => {
    await transaction.objectStore('restoreJob').clear();
  });
}
