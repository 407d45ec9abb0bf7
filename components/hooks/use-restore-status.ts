import { useEffect } from 'preact/hooks';
import type { SendRequest } from '../../lib/messaging/client';
import { restoreStatusItem, type RestoreStatus } from '../../lib/status';
import { useStorageItem } from './use-storage-item';

/**
 * The restore job as the background last published it. Shown as running, it may belong to a
 * worker that was stopped since: asking the background how it stands starts a worker, which
 * carries on with it.
 */
export function useRestoreStatus(send: SendRequest): RestoreStatus | null {
  const status = useStorageItem(restoreStatusItem) ?? null;
  const shownRunning = status?.state === 'running';
  useEffect(() => {
    if (shownRunning) send({ type: 'getRestoreStatus' }).catch(() => undefined);
  }, [shownRunning, send]);
  return status;
}
