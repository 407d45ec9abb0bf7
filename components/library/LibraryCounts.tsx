import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { SearchOutcome } from '../../lib/search/search-library';
import { clipForDisplay } from '../../lib/popup/track-links';

interface LibraryCountsProps {
  /** Tracks listed now; null while the whole library is still being read. */
  count: number | null;
  /** Tracks cached. */
  total: number;
  /** Saved tracks Spotify counts but does not return (SPEC §3): not in the library, said in words. */
  unavailable: number;
  query: string;
  searchKind: SearchOutcome['kind'];
  filtered: boolean;
}

/**
 * How many tracks are listed, in words and as numbers (SPEC §6: `data-library-count`,
 * `data-library-total`, `data-unavailable`). The numbers appear once the whole library is in,
 * so a test or a script reading them never sees the first screenful's count.
 */
export function LibraryCounts({ count, total, unavailable, query, searchKind, filtered }: LibraryCountsProps) {
  if (count === null) {
    return (
      <p class="library-counts" role="status">
        {t('results.reading')}
      </p>
    );
  }
  return (
    <p class="library-counts" role="status" data-library-count={count} data-library-total={total} data-unavailable={unavailable}>
      {describe(count, total, query, searchKind, filtered)}
      {unavailable > 0 && !filtered && <span class="unavailable-note">{t('counts.unavailable', unavailable, { count: formatCount(unavailable) })}</span>}
    </p>
  );
}

function describe(count: number, total: number, query: string, searchKind: SearchOutcome['kind'], filtered: boolean): string {
  if (count === 0 && query.trim()) return t('results.none', { query: clipForDisplay(query.trim(), 60) });
  if (searchKind === 'typo') return t('counts.typo', total, { count: formatCount(count), total: formatCount(total) });
  return filtered
    ? t('counts.filtered', total, { count: formatCount(count), total: formatCount(total) })
    : t('counts.tracks', total, { count: formatCount(total) });
}
