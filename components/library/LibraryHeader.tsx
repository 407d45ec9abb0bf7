import { t } from '../../lib/i18n';
import type { AppStatus } from '../../lib/status';
import { LibraryStatusLine } from './LibraryStatusLine';

interface LibraryHeaderProps {
  /** Null until the status is read. */
  status: AppStatus | null;
  /** When the library shown was last synced, or null before it is read. */
  lastSyncedAt: number | null;
  online: boolean;
  now: number;
}

/** The page's title, the account and its sync, and the way to the options. */
export function LibraryHeader({ status, lastSyncedAt, online, now }: LibraryHeaderProps) {
  return (
    <header class="library-header">
      <img src="/icon/48.png" alt="" width={32} height={32} />
      <h1>{t('library.heading')}</h1>
      {status && (
        <LibraryStatusLine
          accountName={status.account?.displayName ?? null}
          signedIn={status.signedIn}
          sync={status.sync}
          lastSyncedAt={lastSyncedAt}
          online={online}
          now={now}
        />
      )}
      <a class="library-options-link" href="/options.html">
        {t('popup.options')}
      </a>
    </header>
  );
}
