/**
 * How the restore job (lib/restore) is kept in the account's database, so that it resumes in a
 * restarted service worker or browser from where it was, and goes with "Delete local data".
 * Two records: the progress (small, written before and after every call) and the tracks to
 * save (up to 100,000, written once), apart so that progress never rewrites the list.
 */
export type RestoreJobRecord = RestoreProgressRecord | RestoreItemsRecord;

/** Tracks that left the library (the "Removed from Spotify" view), or an export file. */
export type RestoreSource = 'removed' | 'file';

/** SPEC §6: the values of `[data-restore-state]`. */
export type RestoreState = 'running' | 'paused' | 'done' | 'error';

/** Why a restore waits: the user paused it, or it waits for Spotify, the network or a sign-in. */
export type RestorePause = 'user' | 'rate-limited' | 'offline' | 'server' | 'signed-out';

export interface RestoreFailure {
  uri: string;
  /** "Title — Artist", as the file or the history named it. */
  label: string;
  reason: string;
}

export interface RestoreProgress {
  jobId: string;
  source: RestoreSource;
  fileName: string | null;
  /** Epoch ms. */
  createdAt: number;
  /** Tracks to save. */
  total: number;
  /** Tracks [0, position) of the list are settled: saved, found saved already, or failed. */
  position: number;
  /**
   * Tracks [from, to) were handed to Spotify and no answer was recorded (the worker stopped,
   * the connection broke): they may be saved. Asked about with `contains` before any is sent
   * again, so no track is saved twice. `at`: when they were handed over (epoch ms).
   */
  sending: { from: number; to: number; at: number } | null;
  /** Saved by this job (a call whose answer was lost counts the tracks Spotify then said it has). */
  restored: number;
  failedCount: number;
  /** The first failures, with why (the count is complete, the list capped). */
  failures: RestoreFailure[];
  state: RestoreState;
  /** Why it is paused; null unless `state` is `paused`. */
  pausedBy: RestorePause | null;
  /** When a wait for Spotify ends (epoch ms), for `rate-limited` and `server` pauses. */
  resumeAt: number | null;
  /** Stopped by the user before the end: `done`, with the rest not sent. */
  cancelled: boolean;
  /** A sentence for the user when something needs saying (a pause's or an error's reason). */
  message: string | null;
  finishedAt: number | null;
}

export interface RestoreProgressRecord extends RestoreProgress {
  key: 'progress';
}

export interface RestoreItemsRecord {
  key: 'items';
  jobId: string;
  /** In sending order: the oldest save first. */
  uris: string[];
  /** `labels[i]` names `uris[i]`. */
  labels: string[];
}
