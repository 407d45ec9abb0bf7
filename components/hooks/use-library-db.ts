import { useLayoutEffect, useState } from 'preact/hooks';
import { openLibraryDb, type LibraryDb } from '../../lib/library/store';

/**
 * The cached library of `accountKey`, opened directly: extension pages share the service
 * worker's origin, so they read IndexedDB without a round trip through messages.
 */
export function useLibraryDb(accountKey: string | null | undefined): LibraryDb | null {
  const [db, setDb] = useState<LibraryDb | null>(null);
  // Opened right after the render that learns the account, not a frame later (see useStorageItem).
  useLayoutEffect(() => {
    if (!accountKey) {
      setDb(null);
      return;
    }
    let opened: LibraryDb | null = null;
    let active = true;
    void openLibraryDb(accountKey).then((database) => {
      opened = database;
      if (active) setDb(database);
      else database.close();
    });
    return () => {
      active = false;
      opened?.close();
    };
  }, [accountKey]);
  return db;
}
