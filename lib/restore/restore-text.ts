import { formatCount } from '../format';
import { t } from '../i18n';
import type { RestoreProgress } from '../library/restore-records';

/** What the restore panel says about a job: one line, and a second when there is more to say. */
export function describeRestore(progress: RestoreProgress): { headline: string; detail: string | null } {
  const { state, position, total, restored, failedCount, cancelled, message } = progress;
  const file = progress.source === 'file' && progress.fileName ? progress.fileName : null;
  const failed = failedCount > 0 ? t('restoreText.failed', failedCount, { count: formatCount(failedCount) }) : null;
  const of = { position: formatCount(position), total: formatCount(total) };
  if (state === 'done' && cancelled) {
    return {
      headline: t('restoreText.cancelled', restored, { restored: formatCount(restored), unsent: formatCount(total - position) }),
      detail: failed,
    };
  }
  if (state === 'done') {
    const done = { restored: formatCount(restored), total: formatCount(total) };
    return {
      headline: file ? t('restoreText.doneFromFile', restored, { ...done, file }) : t('restoreText.done', restored, done),
      detail: failed,
    };
  }
  if (cancelled) return { headline: t('restoreText.cancelling'), detail: message };
  if (state === 'running') {
    return { headline: file ? t('restoreText.runningFromFile', total, { ...of, file }) : t('restoreText.running', total, of), detail: null };
  }
  if (state === 'paused' && progress.pausedBy === 'user') return { headline: t('restoreText.paused', total, of), detail: null };
  if (state === 'paused') return { headline: t('restoreText.waiting', total, of), detail: message };
  return { headline: t('restoreText.stopped', total, of), detail: message };
}
