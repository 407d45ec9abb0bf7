import { formatCount } from '../format';
import type { RestoreProgress } from '../library/restore-records';

const tracks = (count: number) => `${formatCount(count)} ${count === 1 ? 'track' : 'tracks'}`;

/** What the restore panel says about a job: one line, and a second when there is more to say. */
export function describeRestore(progress: RestoreProgress): { headline: string; detail: string | null } {
  const { state, position, total, restored, failedCount, cancelled, message } = progress;
  const from = progress.source === 'file' && progress.fileName ? ` from “${progress.fileName}”` : '';
  const failed = failedCount > 0 ? `${tracks(failedCount)} could not be restored (below).` : null;
  if (state === 'done' && cancelled) {
    return {
      headline: `Restore cancelled: ${tracks(restored)} restored, ${formatCount(total - position)} not sent.`,
      detail: failed,
    };
  }
  if (state === 'done') return { headline: `Restored ${tracks(restored)} of ${formatCount(total)}${from}.`, detail: failed };
  if (cancelled) return { headline: 'Cancelling the restore…', detail: message };
  if (state === 'running') return { headline: `Restoring ${formatCount(position)} of ${tracks(total)}${from}…`, detail: null };
  if (state === 'paused' && progress.pausedBy === 'user') {
    return { headline: `Restore paused after ${formatCount(position)} of ${tracks(total)}.`, detail: null };
  }
  if (state === 'paused') return { headline: `Restore waiting after ${formatCount(position)} of ${tracks(total)}.`, detail: message };
  return { headline: `The restore stopped after ${formatCount(position)} of ${tracks(total)}.`, detail: message };
}
