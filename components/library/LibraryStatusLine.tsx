import { formatCount, formatTimeAgo } from '../../lib/format';
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
        <span class="library-account" title={signedIn ? 'Signed in to Spotify' : 'Signed out: the copy on this device'}>
          <bdi>{accountName}</bdi>
          {!signedIn && ' (signed out)'}
        </span>
      )}
      {accountName && <span class="library-freshness">{freshness(sync, syncedAt, now)}</span>}
      {!online && (
        <span class="offline-badge" role="status" data-offline="true">
          Offline — showing the copy on this device
        </span>
      )}
    </p>
  );
}

function freshness(sync: SyncStatus, syncedAt: number | null, now: number): string {
  if (sync.state === 'syncing') {
    return sync.progress ? `Syncing… ${formatCount(sync.progress.done)} of ${formatCount(sync.progress.total)}` : 'Syncing…';
  }
  if (syncedAt === null) return 'Not synced yet';
  // Later, the date as the list shows dates (formatTimeAgo would use Intl, slow on first use).
  return now - syncedAt < RELATIVE_LIMIT_MS
    ? `Last synced ${formatTimeAgo(syncedAt, now)}`
    : `Last synced ${localDateOf(new Date(syncedAt).toISOString())}`;
}

/** Up to here formatTimeAgo says "… min ago" or "… h ago". */
const RELATIVE_LIMIT_MS = 23 * 60 * 60 * 1000;
