import { t } from '../i18n';
import { findSavedUris, readRemovedTracks, type LibraryDb } from '../library/store';
import { runRestoreJob } from '../restore/restore-job';
import { sendingOrder, trackLabel, type RestoreCandidate } from '../restore/restore-order';
import { clearRestoreJob, createRestoreJob, readRestoreProgress, updateRestoreProgress, type RestoreProgress } from '../restore/restore-store';
import { asBackground, type SpotifyApi } from '../spotify/api-client';
import { NotSignedInError } from '../spotify/errors';
import { contains, MAX_URIS_PER_CALL } from '../spotify/endpoints';
import type { RestoreStatus } from '../status';

/** When the worker must wake for the job: at a time (a wait for Spotify), every minute while it should run, or never. */
export type RestoreWake = { at: number } | 'every-minute' | null;

export interface RestoreControllerDeps {
  api: SpotifyApi;
  /** The signed-in account's library, or null when signed out: jobs run only there. */
  signedInLibrary(): Promise<LibraryDb | null>;
  /** The library the pages read (also after sign-out): a job's state is shown from there. */
  readableLibrary(): Promise<LibraryDb | null>;
  /** Tells the pages (`restoreStatusItem`). */
  publish(status: RestoreStatus | null): Promise<void>;
  /** Sets or clears the alarm that wakes the worker for the job. */
  wake(when: RestoreWake): Promise<void>;
  /** A job saved tracks: bring the cache up to date with them. */
  restored(): Promise<void>;
  /** Sync if the cache may be stale (or join the sync that runs), and wait for it. */
  syncIfStale(): Promise<void>;
  /** Whether the cache may miss saves made elsewhere since it was synced (SPEC §5). */
  cacheMayBeStale(): Promise<boolean>;
  isOnline(): boolean;
  now?: () => number;
  newJobId?: () => string;
}

export interface RestoreController {
  /** For each track URI of an export: is it saved on Spotify now? (the import summary) */
  checkSaved(uris: readonly string[]): Promise<boolean[]>;
  /** Starts restoring these tracks of the "Removed from Spotify" view. */
  restoreRemoved(uris: readonly string[]): Promise<RestoreStatus>;
  /** Starts restoring these tracks of an export file (the missing ones, as the page checked them). */
  restoreFromFile(fileName: string, tracks: readonly RestoreCandidate[]): Promise<RestoreStatus>;
  pause(): Promise<RestoreStatus | null>;
  resume(): Promise<RestoreStatus | null>;
  cancel(): Promise<RestoreStatus | null>;
  /** Forgets a finished job, once its result was seen. */
  dismiss(): Promise<null>;
  /** The job as it stands; one a stopped worker left running carries on. */
  status(): Promise<RestoreStatus | null>;
  /** Worker start, the alarm, back online, signed in: carry on with a job that should run now. */
  resumeIfDue(): Promise<void>;
  /** The local data was deleted, and the job with it. */
  forget(): Promise<void>;
}

export function createRestoreController(deps: RestoreControllerDeps): RestoreController {
  const now = deps.now ?? Date.now;
  const newJobId = deps.newJobId ?? (() => crypto.randomUUID());
  let running: Promise<void> | null = null;

  async function signedInLibrary(): Promise<LibraryDb> {
    const db = await deps.signedInLibrary();
    if (!db) throw new NotSignedInError();
    return db;
  }

  function wakeFor(progress: RestoreProgress | null): RestoreWake {
    if (!progress || progress.state === 'done' || progress.state === 'error') return null;
    if (progress.state === 'running') return 'every-minute';
    switch (progress.pausedBy) {
      case 'rate-limited':
      case 'server':
        return progress.resumeAt === null ? 'every-minute' : { at: progress.resumeAt };
      case 'offline':
        return 'every-minute';
      default:
        return null;
    }
  }

  async function settled(progress: RestoreProgress | null): Promise<void> {
    await deps.publish(progress);
    await deps.wake(wakeFor(progress));
  }

  /** Runs the job unless it runs already; errors end up in the job's state, never here. */
  function run(db: LibraryDb): void {
    running ??= (async () => {
      const final = await runRestoreJob({ db, api: asBackground(deps.api), now, onProgress: (progress) => deps.publish(progress) });
      await settled(final);
      if (final?.state === 'done' && final.restored > 0) await deps.restored();
    })()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
  }

  function isDue(progress: RestoreProgress): boolean {
    if (progress.state === 'running' || progress.cancelled) return progress.state !== 'done';
    if (progress.state !== 'paused') return false;
    switch (progress.pausedBy) {
      case 'rate-limited':
      case 'server':
        return (progress.resumeAt ?? 0) <= now();
      case 'offline':
        return deps.isOnline();
      case 'signed-out':
        return true;
      default:
        return false;
    }
  }

  async function start(db: LibraryDb, source: RestoreProgress['source'], fileName: string | null, tracks: RestoreCandidate[]): Promise<RestoreStatus> {
    const progress = await createRestoreJob(db, { jobId: newJobId(), source, fileName, tracks: sendingOrder(tracks), createdAt: now() });
    await settled(progress);
    run(db);
    return progress;
  }

  /** A change the user asked for, stored at once; a running job sees it before its next call. */
  async function change(edit: (progress: RestoreProgress) => RestoreProgress): Promise<{ db: LibraryDb; progress: RestoreProgress } | null> {
    const db = await deps.readableLibrary();
    const progress = db ? await updateRestoreProgress(db, edit) : null;
    if (!db || !progress) return null;
    await settled(progress);
    return { db, progress };
  }

  const controller: RestoreController = {
    async checkSaved(uris) {
      const db = await signedInLibrary();
      // A fresh cache answers for everything; a sync that finds nothing changed is one request.
      await deps.syncIfStale().catch(() => undefined);
      const cached = await findSavedUris(db, uris);
      const saved = uris.map((uri) => cached.has(uri));
      if (!(await deps.cacheMayBeStale())) return saved;
      // The sync could not run: ask Spotify about the tracks the cache lacks, 40 at a time.
      const unknown = saved.flatMap((isSaved, index) => (isSaved ? [] : [index]));
      for (let from = 0; from < unknown.length; from += MAX_URIS_PER_CALL) {
        const batch = unknown.slice(from, from + MAX_URIS_PER_CALL);
        const answers = await contains(
          deps.api,
          batch.map((index) => uris[index]!),
        );
        batch.forEach((index, position) => {
          saved[index] = answers[position]!;
        });
      }
      return saved;
    },
    async restoreRemoved(uris) {
      const db = await signedInLibrary();
      const removed = (await readRemovedTracks(db, uris)).filter(({ track }) => !track.isLocal);
      if (removed.length === 0) throw new Error(t('errors.noneRemoved'));
      const tracks = removed.map(({ track }) => ({
        uri: track.uri,
        label: trackLabel(
          track.name,
          track.artists.map((artist) => artist.name),
          track.uri,
        ),
        addedAt: track.addedAt,
      }));
      return start(db, 'removed', null, tracks);
    },
    async restoreFromFile(fileName, tracks) {
      return start(await signedInLibrary(), 'file', fileName, [...tracks]);
    },
    async pause() {
      const changed = await change((progress) =>
        progress.state === 'running' || (progress.state === 'paused' && progress.pausedBy !== 'user')
          ? { ...progress, state: 'paused', pausedBy: 'user', resumeAt: null, message: null }
          : progress,
      );
      return changed?.progress ?? null;
    },
    async resume() {
      const changed = await change((progress) =>
        progress.state === 'paused' || progress.state === 'error' ? { ...progress, state: 'running', pausedBy: null, resumeAt: null, message: null } : progress,
      );
      if (changed?.progress.state === 'running' && (await deps.signedInLibrary())) run(changed.db);
      return changed?.progress ?? null;
    },
    async cancel() {
      const changed = await change((progress) => (progress.state === 'done' ? progress : { ...progress, cancelled: true }));
      if (changed && changed.progress.state !== 'done') run(changed.db);
      return changed?.progress ?? null;
    },
    async dismiss() {
      const db = await deps.readableLibrary();
      const progress = db ? await readRestoreProgress(db) : null;
      if (db && progress?.state === 'done') {
        await clearRestoreJob(db);
        await settled(null);
      }
      return null;
    },
    async status() {
      await controller.resumeIfDue();
      const db = await deps.readableLibrary();
      return db ? readRestoreProgress(db) : null;
    },
    async resumeIfDue() {
      // A running job publishes every change itself.
      if (running) return;
      const db = await deps.signedInLibrary();
      const readable = db ?? (await deps.readableLibrary());
      const progress = readable ? await readRestoreProgress(readable) : null;
      // storage.session is empty after a browser restart: the pages learn of the job from here.
      await deps.publish(progress);
      if (!db || !progress) return;
      if (isDue(progress)) run(db);
      else await deps.wake(wakeFor(progress));
    },
    async forget() {
      // With its database closed, a running job stops at its next write.
      await running;
      await deps.wake(null);
      await deps.publish(null);
    },
  };
  return controller;
}
