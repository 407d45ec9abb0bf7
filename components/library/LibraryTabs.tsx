import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { viewHash, type LibraryViewName } from '../hooks/use-view-hash';

interface LibraryTabsProps {
  view: LibraryViewName;
  /** Tracks listed under "Removed from Spotify"; null until read. */
  removedCount: number | null;
}

/** Labels are read when rendered: the words are the UI language's. */
const VIEWS: ReadonlyArray<{ view: LibraryViewName; label: () => string }> = [
  { view: 'library', label: () => t('library.tabs.saved') },
  { view: 'removed', label: () => t('library.tabs.removed') },
  { view: 'restore-file', label: () => t('library.tabs.restoreFile') },
];

/** The library page's three views, as links to their addresses. */
export function LibraryTabs({ view, removedCount }: LibraryTabsProps) {
  return (
    <nav class="library-tabs" aria-label={t('library.tabs.label')}>
      {VIEWS.map((entry) => (
        <a key={entry.view} href={viewHash(entry.view)} aria-current={entry.view === view ? 'page' : undefined}>
          {entry.label()}
          {entry.view === 'removed' && removedCount !== null && removedCount > 0 && <span class="tab-count"> ({formatCount(removedCount)})</span>}
        </a>
      ))}
    </nav>
  );
}
