import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LIBRARY_NOT_OPEN, openAccountLibrary, type AccountLibraryState } from '../../lib/library/open-account-library';

/** The cached library of `accountKey`, opened by lib/library/open-account-library.ts. */
export function useLibraryDb(accountKey: string | null | undefined): AccountLibraryState {
  const [state, setState] = useState<AccountLibraryState>(LIBRARY_NOT_OPEN);
  // Opened right after the render that learns the account, not a frame later (see useStorageItem).
  useLayoutEffect(() => {
    if (!accountKey) {
      setState(LIBRARY_NOT_OPEN);
      return;
    }
    return openAccountLibrary(accountKey, setState, { inPrivateWindow: browser.extension.inIncognitoContext });
  }, [accountKey]);
  return state;
}
