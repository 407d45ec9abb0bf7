import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { describeRestore } from '../../lib/restore/restore-text';
import type { RestoreStatus } from '../../lib/status';

interface RestorePanelProps {
  status: RestoreStatus;
  signedIn: boolean;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}

/**
 * The restore under way, or its result (SPEC §6: `[data-restore-state]` with `data-done`,
 * `data-total` and a `<progress>`): how far it is, why it waits, what failed and why.
 */
export function RestorePanel({ status, signedIn, onPause, onResume, onCancel, onDismiss }: RestorePanelProps) {
  const { headline, detail } = describeRestore(status);
  const { state, position, total, cancelled } = status;
  const finished = state === 'done';
  return (
    <section class={`restore-panel is-${state}`} aria-labelledby="restore-headline" data-restore-state={state} data-done={position} data-total={total}>
      <div class="restore-panel-line">
        <p id="restore-headline" class="restore-headline" role="status">
          {headline}
        </p>
        <div class="restore-actions">
          {state === 'running' && !cancelled && (
            <button type="button" onClick={onPause}>
              {t('restore.pause')}
            </button>
          )}
          {(state === 'paused' || state === 'error') && !cancelled && (
            <button type="button" class="primary" disabled={!signedIn} onClick={onResume}>
              {state === 'error' ? t('restore.tryAgain') : t('restore.resume')}
            </button>
          )}
          {!finished && !cancelled && (
            <button type="button" class="quiet" onClick={onCancel}>
              {t('restore.cancel')}
            </button>
          )}
          {finished && (
            <button type="button" class="quiet" onClick={onDismiss}>
              {t('restore.close')}
            </button>
          )}
        </div>
      </div>
      <progress class="restore-progress" value={position} max={Math.max(1, total)} aria-label={t('restore.progressLabel')} />
      {detail && <p class={state === 'error' ? 'notice error' : 'muted'}>{detail}</p>}
      {!signedIn && !finished && <p class="notice">{t('restore.signInToContinue')}</p>}
      {finished && status.restored > 0 && <p class="muted">{t('restore.doneNote')}</p>}
      {status.failures.length > 0 && (
        <details class="restore-failures" open={finished}>
          <summary>{t('restore.notRestored', { count: formatCount(status.failedCount) })}</summary>
          <ul>
            {status.failures.map((failure) => (
              <li key={failure.uri}>
                <bdi>{failure.label}</bdi> — {failure.reason}
              </li>
            ))}
          </ul>
          {status.failedCount > status.failures.length && (
            <p class="muted">{t('restore.andMore', { count: formatCount(status.failedCount - status.failures.length) })}</p>
          )}
        </details>
      )}
    </section>
  );
}
