import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { SyncStatus } from '../../lib/status';

/** The first sync is still running: the tracks listed are `count` of more. */
export function StillSyncingNotice({ count, progress }: { count: number; progress: SyncStatus['progress'] }) {
  return (
    <p class="notice" role="status" data-partial="true">
      {progress
        ? t('library.stillSyncingOf', progress.total, { count: formatCount(count), total: formatCount(progress.total) })
        : t('library.stillSyncing', count, { count: formatCount(count) })}
    </p>
  );
}
