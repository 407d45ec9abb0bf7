import { useEffect, useState } from 'preact/hooks';
import { createRemovedList, type RemovedList } from '../../lib/library-view/removed-list';
import { readRemovalHistory, type LibraryDb, type RemovalHistory } from '../../lib/library/store';

export type RemovalHistoryData =
  | { phase: 'loading' }
  | { phase: 'ready'; history: RemovalHistory; list: RemovedList }
  | { phase: 'failed'; message: string };

/**
 * The history of removals, read again whenever `changeKey` moves (a sync changed the library,
 * a restore confirmed tracks). What was read stays shown while it is read again.
 */
export function useRemovalHistory(db: LibraryDb | null, changeKey: string): RemovalHistoryData {
  const [data, setData] = useState<RemovalHistoryData>({ phase: 'loading' });
  useEffect(() => {
    if (!db) return;
    let active = true;
    readRemovalHistory(db).then(
      (history) => active && setData({ phase: 'ready', history, list: createRemovedList(history) }),
      (error: unknown) => active && setData({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, [db, changeKey]);
  return data;
}
