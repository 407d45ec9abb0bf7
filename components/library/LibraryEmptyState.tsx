import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

/** Why there is nothing to list, and where to go about it. */
export function LibraryEmptyState({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="library-empty" aria-labelledby="library-empty-title">
      <h2 id="library-empty-title">{title}</h2>
      {children}
      <p class="library-empty-links">
        <a href="/popup.html">{t('library.openPopup')}</a>
        <a href="/options.html">{t('popup.options')}</a>
      </p>
    </section>
  );
}
