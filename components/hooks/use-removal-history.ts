import { useEffect, useRef, useState } from 'preact/hooks';
import { createRemovedList, type RemovedList } from '../../lib/library-view/removed-list';
import { countRemovedTracks, readRemovalHistory, type LibraryDb, type RemovalHistory } from '../../lib/library/store';
import { createCoalescedRunner, type CoalescedRunner } from '../../lib/popup/coalesced-runner';

export type RemovalHistoryData = { phase: 'loading' } | { phase: 'ready'; history: RemovalHistory; list: RemovedList } | { phase: 'failed'; message: string };

/**
 * A restore changes the history after every call (tracks leave it as Spotify confirms them):
 * reads start at most this often, one at a time, the last change always read.
 */
const RELOAD_SPACING_MS = 500;

/**
 * The history of removals, read again whenever `changeKey` moves (a sync changed the library,
 * a restore confirmed tracks). What was read stays shown while it is read again.
 */
export function useRemovalHistory(db: LibraryDb | null, changeKey: string): RemovalHistoryData {
  return useReloaded<RemovalHistoryData>(db, changeKey, { phase: 'loading' }, async (database) => {
    try {
      const history = await readRemovalHistory(database);
      return { phase: 'ready', history, list: createRemovedList(history) };
    } catch (error) {
      return { phase: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** How many tracks the history holds (for the view's tab), kept up to date the same way; null until read. */
export function useRemovedCount(db: LibraryDb | null, changeKey: string): number | null {
  return useReloaded(db, changeKey, null, (database) => countRemovedTracks(database).catch(() => null));
}

function useReloaded<T>(db: LibraryDb | null, changeKey: string, initial: T, read: (db: LibraryDb) => Promise<T>): T {
  const [value, setValue] = useState<T>(initial);
  const runner = useRef<CoalescedRunner | null>(null);
  useEffect(() => {
    if (!db) return;
    let active = true;
    const reloader = createCoalescedRunner(async () => {
      const next = await read(db);
      if (active) setValue(next);
    }, RELOAD_SPACING_MS);
    runner.current = reloader;
    return () => {
      active = false;
      reloader.stop();
      runner.current = null;
    };
  }, [db]);
  useEffect(() => runner.current?.request(), [db, changeKey]);
  return value;
}
