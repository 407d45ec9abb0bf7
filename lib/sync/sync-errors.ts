import { t } from '../i18n';

/**
 * Spotify's list kept changing under every pass of a full sync (see reconcile.ts). Nothing
 * inexact was published; the checkpoint stays, so the next sync carries on from it.
 */
export class LibraryKeptChangingError extends Error {
  override name = 'LibraryKeptChangingError';
  constructor(passes: number) {
    super(t('errors.keptChanging', { passes }));
  }
}
