import { formatCount, formatTimeAgo } from '../../lib/format';
import { t } from '../../lib/i18n';
import { localDateOf } from '../../lib/library-view/added-at';
import type { SyncStatus } from '../../lib/status';

interface LibraryStatusLineProps {
  accountName: string | null;
  signedIn: boolean;
  sync: SyncStatus;
  /** From the library itself, for when the status has no time (after a browser restart). */
  lastSyncedAt: number | null;
  online: boolean;
  now: number;
}

/** Whose library this is, how fresh it is, and whether the browser is offline. */
export function LibraryStatusLine({ accountName, signedIn, sync, lastSyncedAt, online, now }: LibraryStatusLineProps) {
  const syncedAt = sync.lastSyncedAt ?? lastSyncedAt;
  return (
    <p class="library-status">
      {accountName && (
        <span class="library-account" title={signedIn ? t('account.signedInTitle') : t('library.signedOutTitle')}>
          <bdi>{accountName}</bdi>
          {!signedIn && t('library.signedOutMark')}
        </span>
      )}
      {accountName && <span class="library-freshness">{freshness(sync, syncedAt, now)}</span>}
      {!online && (
        <span class="offline-badge" role="status" data-offline="true">
          {t('library.offline')}
        </span>
      )}
    </p>
  );
}

function freshness(sync: SyncStatus, syncedAt: number | null, now: number): string {
  if (sync.state === 'syncing') {
    return sync.progress ? t('library.syncingCounted', { done: formatCount(sync.progress.done), total: formatCount(sync.progress.total) }) : t('sync.syncing');
  }
  if (syncedAt === null) return t('sync.notSyncedYet');
  // Later, the date as the list shows dates (formatTimeAgo would use Intl, slow on first use).
  return now - syncedAt < RELATIVE_LIMIT_MS
    ? t('library.lastSynced', { when: formatTimeAgo(syncedAt, now) })
    : t('library.lastSynced', { when: localDateOf(new Date(syncedAt).toISOString()) });
}

/** Up to here formatTimeAgo says "… min ago" or "… h ago". */
const RELATIVE_LIMIT_MS = 23 * 60 * 60 * 1000;
