/**
 * Spotify's list kept changing under every pass of a full sync (see reconcile.ts). Nothing
 * inexact was published; the checkpoint stays, so the next sync carries on from it.
 */
export class LibraryKeptChangingError extends Error {
  override name = 'LibraryKeptChangingError';
  constructor(passes: number) {
    super(`Your saved tracks changed during each of ${passes} attempts to read them; the sync will try again.`);
  }
}
