import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { LibraryData } from '../../lib/library-view/library-view-loader';
import { savedTracksState } from '../../lib/library-view/saved-tracks-state';
import type { OpenTracksIn } from '../../lib/popup/track-links';
import type { AppStatus } from '../../lib/status';
import { LibraryContent } from './LibraryContent';
import { LibraryEmptyState } from './LibraryEmptyState';

interface LibraryBodyProps {
  status: AppStatus;
  data: LibraryData;
  openIn: OpenTracksIn;
}

/** What there is to show: an explanation when there is no library, else the library. */
export function LibraryBody({ status, data, openIn }: LibraryBodyProps) {
  const state = savedTracksState(status, data);
  switch (state.show) {
    case 'no-account':
      return (
        <LibraryEmptyState title={t('library.noLibraryTitle')}>
          <p>{t('library.noLibraryText')}</p>
        </LibraryEmptyState>
      );
    case 'opening':
      return <p class="muted">{t('library.opening')}</p>;
    case 'failed':
      return (
        <p class="notice error" role="alert">
          {t('library.readFailed', { reason: state.message })}
        </p>
      );
    case 'syncing':
      return (
        <LibraryEmptyState title={t('library.syncingTitle')}>
          <p>
            {state.progress
              ? t('library.syncingSoFar', { done: formatCount(state.progress.done), total: formatCount(state.progress.total) })
              : t('library.firstTracksSoon')}
          </p>
        </LibraryEmptyState>
      );
    case 'not-synced':
      return (
        <LibraryEmptyState title={t('sync.notSyncedYet')}>
          <p>{t('library.notSyncedText')}</p>
        </LibraryEmptyState>
      );
    case 'no-tracks':
      return (
        <LibraryEmptyState title={t('library.noTracksTitle')}>
          <p>{t('library.noTracksText')}</p>
        </LibraryEmptyState>
      );
    case 'tracks':
      return <LibraryContent sync={status.sync} data={state.data} openIn={openIn} />;
  }
}
