import { formatCount } from '../../lib/format';
import { viewHash, type LibraryViewName } from '../hooks/use-view-hash';

interface LibraryTabsProps {
  view: LibraryViewName;
  /** Tracks listed under "Removed from Spotify"; null until read. */
  removedCount: number | null;
}

const VIEWS: ReadonlyArray<{ view: LibraryViewName; label: string }> = [
  { view: 'library', label: 'Saved tracks' },
  { view: 'removed', label: 'Removed from Spotify' },
  { view: 'restore-file', label: 'Restore from a file' },
];

/** The library page's three views, as links to their addresses. */
export function LibraryTabs({ view, removedCount }: LibraryTabsProps) {
  return (
    <nav class="library-tabs" aria-label="Library views">
      {VIEWS.map((entry) => (
        <a key={entry.view} href={viewHash(entry.view)} aria-current={entry.view === view ? 'page' : undefined}>
          {entry.label}
          {entry.view === 'removed' && removedCount !== null && removedCount > 0 && (
            <span class="tab-count"> ({formatCount(removedCount)})</span>
          )}
        </a>
      ))}
    </nav>
  );
}
