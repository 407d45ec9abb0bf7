import type { SyncView } from '../../lib/popup/sync-view';
import { t } from '../../lib/i18n';

interface SyncStatusProps {
  view: SyncView;
  /** Said after a click on "Sync now" that could not start one (rate-limited). */
  note: string | null;
  onSyncNow: () => void;
}

/** The sync line (SPEC §6 `[data-sync-state]`): where things stand, progress, "Sync now". */
export function SyncStatus({ view, note, onSyncNow }: SyncStatusProps) {
  const { progress, syncNow } = view;
  return (
    <section class={`sync-status tone-${view.tone}`} data-sync-state={view.state} data-partial={String(view.partial)} aria-label={t('sync.label')}>
      <div class="sync-text">
        <p class="sync-headline">{view.headline}</p>
        {view.detail && <p class="sync-detail">{view.detail}</p>}
        {note && (
          <p class="sync-detail" role="status">
            {note}
          </p>
        )}
      </div>
      {syncNow.kind !== 'hidden' && (
        <button type="button" class="sync-now" onClick={onSyncNow} disabled={syncNow.kind === 'running'}>
          {t('sync.syncNow')}
        </button>
      )}
      {progress && (
        <progress
          class="sync-progress"
          aria-label={t('sync.progress')}
          max={progress.total ?? undefined}
          value={progress.total === null ? undefined : Math.min(progress.done, progress.total)}
        />
      )}
    </section>
  );
}
