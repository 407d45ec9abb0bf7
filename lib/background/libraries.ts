import { deleteLibraryDb, openLibraryDb, type LibraryDb } from '../library/store';
import { libraryAccountSetting } from '../storage-items';

/**
 * The background's handle on the cached library of the current account (the signed-in one,
 * or after sign-out the last one, still readable until "Delete local data").
 */
export interface Libraries {
  current(): Promise<LibraryDb | null>;
  deleteCurrent(): Promise<void>;
}

export function createLibraries(): Libraries {
  let open: { key: string; db: Promise<LibraryDb> } | null = null;

  function forget(): void {
    void open?.db.then((db) => db.close());
    open = null;
  }

  return {
    async current() {
      const account = await libraryAccountSetting.getValue();
      if (!account) return null;
      if (open?.key !== account.key) {
        forget();
        open = { key: account.key, db: openLibraryDb(account.key) };
      }
      return open.db;
    },
    async deleteCurrent() {
      const account = await libraryAccountSetting.getValue();
      if (!account) return;
      forget();
      await deleteLibraryDb(account.key);
    },
  };
}
