import { t } from '../../lib/i18n';

/** Where to go from the popup: the whole library, and the options. */
export function PopupFooter() {
  return (
    <footer class="popup-footer">
      <a href="/library.html" target="_blank" rel="noopener">
        {t('popup.openLibrary')}
      </a>
      <a href="/options.html" target="_blank" rel="noopener">
        {t('popup.options')}
      </a>
    </footer>
  );
}
