import { t } from '../i18n';

export interface UnavailableLibrary {
  /** Why, in words for the page to show. */
  message: string;
  /** Whether the same page in a normal window can read it (a private window is the reason). */
  readableInNormalWindow: boolean;
}

/**
 * Why an extension page cannot open the library database.
 *
 * Firefox gives extension pages in a private window (when the user lets Tracklight run there)
 * no IndexedDB: opening any database fails with InvalidStateError. The background, which keeps
 * the library and sets the badge, runs outside the private window and is not affected, so the
 * library is there, only not readable from this page.
 */
export function describeUnavailableLibrary(error: unknown, inPrivateWindow: boolean): UnavailableLibrary {
  if (inPrivateWindow) {
    return {
      message: t('unavailable.privateWindow'),
      readableInNormalWindow: true,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { message: t('unavailable.cannotOpen', { reason }), readableInNormalWindow: false };
}
