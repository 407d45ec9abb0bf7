import { describeUnavailableLibrary, type UnavailableLibrary } from './library-unavailable';
import { openLibraryDb, type LibraryDb } from './store';

export interface AccountLibraryState {
  /** Null while it opens, and when it cannot be opened. */
  db: LibraryDb | null;
  /** Why it cannot be opened, or null. */
  unavailable: UnavailableLibrary | null;
}

export const LIBRARY_NOT_OPEN: AccountLibraryState = { db: null, unavailable: null };

export interface OpenAccountLibraryOptions {
  /** Whether this extension page is in a private window (`browser.extension.inIncognitoContext`). */
  inPrivateWindow: boolean;
  /** Default: `openLibraryDb`. */
  open?: (accountKey: string) => Promise<LibraryDb>;
}

/**
 * Opens the cached library of `accountKey` directly: extension pages share the service
 * worker's origin, so they read IndexedDB without a round trip through messages. `onState`
 * hears the database, or why it cannot be opened. Returns the cancel, which closes the
 * database: opened already, or as soon as it opens.
 */
export function openAccountLibrary(
  accountKey: string,
  onState: (state: AccountLibraryState) => void,
  { inPrivateWindow, open = openLibraryDb }: OpenAccountLibraryOptions,
): () => void {
  let opened: LibraryDb | null = null;
  let active = true;
  open(accountKey).then(
    (database) => {
      opened = database;
      if (active) onState({ db: database, unavailable: null });
      else database.close();
    },
    (error: unknown) => {
      if (active) onState({ db: null, unavailable: describeUnavailableLibrary(error, inPrivateWindow) });
    },
  );
  return () => {
    active = false;
    opened?.close();
  };
}
