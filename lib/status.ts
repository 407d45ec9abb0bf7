import { storage } from 'wxt/utils/storage';
import type { TabPage } from './cross-site/page-track';
import type { RestoreProgress } from './library/restore-records';
import type { AccountRef } from './settings';

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

/**
 * Written only by the background, watched by the pages. `storage.session` is not exposed to
 * content scripts, survives a stopped service worker, and is rebuilt at browser start.
 */
export const appStatusItem = storage.defineItem<AppStatus>('session:appStatus', {
  fallback: initialAppStatus,
});

/**
 * The song each tab's page shows, by tab id, as content scripts reported them: kept while the
 * service worker sleeps, and watched by the popup to show a page's song as soon as it is read.
 * storage.session, which content scripts cannot read: page URLs stay with the extension.
 */
export const tabPagesItem = storage.defineItem<Record<string, TabPage>>('session:tabPages', { fallback: {} });

/** The restore job (lib/restore) as the library page shows it. */
export type RestoreStatus = RestoreProgress;

/**
 * Written only by the background after every change to the job, watched by the library page;
 * null when there is none. The job itself is in the account's database: this is rebuilt from
 * it when the worker starts.
 */
export const restoreStatusItem = storage.defineItem<RestoreStatus | null>('session:restoreStatus', {
  fallback: null,
});
