import type { RestoreProgress } from './library/restore-records';
import type { AccountRef } from './storage-items';

/** SPEC §6: the values of `[data-sync-state]`. */
export type SyncState = 'never' | 'syncing' | 'ready' | 'rate-limited' | 'offline' | 'error' | 'signed-out';

export interface SyncStatus {
  state: SyncState;
  /** Pages (tracks) done of the total while syncing. */
  progress: { done: number; total: number } | null;
  /** The first sync is still running: the library shown is incomplete. */
  partial: boolean;
  lastSyncedAt: number | null;
  /** When a paused (rate-limited) sync resumes, epoch ms. */
  resumeAt: number | null;
  /** A sentence for the user when something needs saying. */
  message: string | null;
}

export interface AppStatus {
  signedIn: boolean;
  /** The signed-in account, or the last one whose library is still cached. */
  account: AccountRef | null;
  sync: SyncStatus;
  /** Bumped whenever the cached library changes: open pages reload what they show. */
  libraryVersion: number;
}

export const initialAppStatus: AppStatus = {
  signedIn: false,
  account: null,
  sync: { state: 'signed-out', progress: null, partial: false, lastSyncedAt: null, resumeAt: null, message: null },
  libraryVersion: 0,
};

/** The restore job (lib/restore) as the library page shows it. */
export type RestoreStatus = RestoreProgress;
