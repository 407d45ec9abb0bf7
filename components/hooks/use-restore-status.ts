import { useEffect } from 'preact/hooks';
import type { SendRequest } from '../../lib/messaging/client';
import type { RestoreStatus } from '../../lib/status';
import { restoreStatusItem } from '../../lib/storage-items';
import { useStorageItem } from './use-storage-item';

/**
 * While the page shows a restore running, it asks the background how it stands this often.
 * Shown as running, the job may belong to a worker that was stopped since: the question starts
 * a worker, which carries on with it at once (without a page, the restore's alarm does, within
 * a minute). Chrome also keeps a worker that is asked something alive.
 */
const ASK_EVERY_MS = 15_000;

/** The restore job as the background last published it. */
export function useRestoreStatus(send: SendRequest): RestoreStatus | null {
  const status = useStorageItem(restoreStatusItem) ?? null;
  const shownRunning = status?.state === 'running';
  useEffect(() => {
    if (!shownRunning) return;
    const ask = (): void => void send({ type: 'getRestoreStatus' }).catch(() => undefined);
    ask();
    const timer = setInterval(ask, ASK_EVERY_MS);
    return () => clearInterval(timer);
  }, [shownRunning, send]);
  return status;
}
