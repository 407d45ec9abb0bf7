import type { AppStatus, SyncStatus } from '../status';
import { appStatusItem } from '../storage-items';

/**
 * The background's view of what the pages show. Updates are serialized so two quick changes
 * (progress ticks from concurrent pages) never overwrite each other with stale copies.
 */
export interface StatusStore {
  get(): Promise<AppStatus>;
  update(change: (status: AppStatus) => AppStatus): Promise<AppStatus>;
  updateSync(change: Partial<SyncStatus>): Promise<AppStatus>;
}

export function createStatusStore(item = appStatusItem): StatusStore {
  let queue: Promise<unknown> = Promise.resolve();
  function update(change: (status: AppStatus) => AppStatus): Promise<AppStatus> {
    const next = queue.then(async () => {
      const updated = change(await item.getValue());
      await item.setValue(updated);
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }
  return {
    get: () => item.getValue(),
    update,
    updateSync: (change) => update((status) => ({ ...status, sync: { ...status.sync, ...change } })),
  };
}
