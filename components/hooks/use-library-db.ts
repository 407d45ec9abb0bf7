import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeUnavailableLibrary, type UnavailableLibrary } from '../../lib/library/library-unavailable';
import { openLibraryDb, type LibraryDb } from '../../lib/library/store';

export interface LibraryDbState {
  /** Null while it opens, and when it cannot be opened. */
  db: LibraryDb | null;
  /** Why it cannot be opened, or null. */
  unavailable: UnavailableLibrary | null;
}

const NOT_OPEN: LibraryDbState = { db: null, unavailable: null };

/**
 * The cached library of `accountKey`, opened directly: extension pages share the service
 * worker's origin, so they read IndexedDB without a round trip through messages.
 */
export function useLibraryDb(accountKey: string | null | undefined): LibraryDbState {
  const [state, setState] = useState<LibraryDbState>(NOT_OPEN);
  // Opened right after the render that learns the account, not a frame later (see useStorageItem).
  useLayoutEffect(() => {
    if (!accountKey) {
      setState(NOT_OPEN);
      return;
    }
    let opened: LibraryDb | null = null;
    let active = true;
    openLibraryDb(accountKey).then(
      (database) => {
        opened = database;
        if (active) setState({ db: database, unavailable: null });
        else database.close();
      },
      (error: unknown) => {
        if (active) setState({ db: null, unavailable: describeUnavailableLibrary(error, browser.extension.inIncognitoContext) });
      },
    );
    return () => {
      active = false;
      opened?.close();
    };
  }, [accountKey]);
  return state;
}
