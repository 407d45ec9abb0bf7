import { formatClockTime, formatCount, formatTimeAgo } from '../format';
import { t } from '../i18n';
import type { AppStatus, SyncState } from '../status';

/** What "Sync now" does at the moment. */
export type SyncNowAvailability =
  | { kind: 'hidden' }
  | { kind: 'available' }
  /** A sync is running: the button is disabled until it ends. */
  | { kind: 'running' }
  /** Rate-limited: a click sends nothing before `until` and says when instead (SPEC §6). */
  | { kind: 'waiting'; until: number };

/** The popup's sync line, worked out from the background's status and the browser's. */
export interface SyncView {
  /** `[data-sync-state]` (SPEC §6). */
  state: SyncState;
  /** The first sync is still running: the library shown is incomplete. */
  partial: boolean;
  headline: string;
  /** The background's sentence, when it has one that the headline does not already say. */
  detail: string | null;
  tone: 'plain' | 'warn' | 'error';
  /** While syncing; `total` is null until Spotify has said how many there are. */
  progress: { done: number; total: number | null } | null;
  syncNow: SyncNowAvailability;
}

/** A function, not a constant: the words are the UI language's, read when used. */
export const offlineHeadline = (): string => t('sync.offline');

/**
 * `online` is `navigator.onLine`: the popup says offline as soon as the browser does (SPEC §9),
 * before the background has had a request fail.
 */
export function describeSync(status: AppStatus, online: boolean, now: number): SyncView {
  const { sync } = status;
  const base = { partial: sync.partial, detail: sync.message, tone: 'plain', progress: null } as const;

  if (!status.signedIn) {
    return {
      ...base,
      state: 'signed-out',
      partial: false,
      detail: null,
      headline: status.account ? t('sync.signedOutCached') : t('sync.notSignedIn'),
      syncNow: { kind: 'hidden' },
    };
  }
  if (!online) {
    return {
      ...base,
      state: 'offline',
      detail: t('sync.offlineDetail'),
      tone: 'warn',
      headline: offlineHeadline(),
      syncNow: { kind: 'available' },
    };
  }

  switch (sync.state) {
    case 'syncing': {
      const total = sync.progress && sync.progress.total > 0 ? sync.progress.total : null;
      const done = sync.progress?.done ?? 0;
      const counted = total === null ? null : { done: formatCount(Math.min(done, total)), total: formatCount(total) };
      return {
        ...base,
        state: 'syncing',
        headline: sync.partial
          ? counted
            ? t('sync.firstSyncCounted', counted)
            : t('sync.firstSyncStarting')
          : counted
            ? t('sync.syncingCounted', counted)
            : t('sync.syncing'),
        progress: { done, total },
        syncNow: { kind: 'running' },
      };
    }
    case 'rate-limited': {
      const until = sync.resumeAt ?? now;
      const waiting = until > now;
      return {
        ...base,
        state: 'rate-limited',
        tone: 'warn',
        headline: waiting ? t('sync.pausedUntil', { time: formatClockTime(until) }) : t('sync.pausedResuming'),
        syncNow: waiting ? { kind: 'waiting', until } : { kind: 'available' },
      };
    }
    case 'offline':
      return { ...base, state: 'offline', tone: 'warn', headline: offlineHeadline(), syncNow: { kind: 'available' } };
    case 'error':
      return { ...base, state: 'error', tone: 'error', headline: t('sync.lastDidNotFinish'), syncNow: { kind: 'available' } };
    case 'ready':
      return {
        ...base,
        state: 'ready',
        headline: sync.lastSyncedAt === null ? t('sync.synced') : t('sync.syncedAgo', { ago: formatTimeAgo(sync.lastSyncedAt, now) }),
        syncNow: { kind: 'available' },
      };
    case 'never':
    case 'signed-out':
      // 'signed-out' with signedIn true is a status written mid-sign-in: the next write fixes it.
      return { ...base, state: 'never', headline: t('sync.notSyncedYet'), syncNow: { kind: 'available' } };
  }
}
