import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import type { UnavailableLibrary } from '../lib/library/library-unavailable';

/** The library cannot be read on this page: why, and the way to a page that can read it. */
export function UnavailableLibraryNotice({ unavailable }: { unavailable: UnavailableLibrary }) {
  return (
    <section class="notice error unavailable-library" role="alert">
      <p>{unavailable.message}</p>
      {unavailable.readableInNormalWindow && (
        <button type="button" onClick={() => void browser.windows.create({ url: browser.runtime.getURL('/library.html'), incognito: false })}>
          {t('unavailable.openInNormalWindow')}
        </button>
      )}
    </section>
  );
}
