import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { clipForDisplay } from '../../lib/popup/track-links';
import type { SearchOutcome } from '../../lib/search/search-library';

interface ResultCountProps {
  id: string;
  outcome: SearchOutcome | null;
  query: string;
  /** The first sync is still running: counts are of what has arrived. */
  partial: boolean;
}

/** How many tracks the list holds, announced politely as the user types. */
export function ResultCount({ id, outcome, query, partial }: ResultCountProps) {
  return (
    <p id={id} class="result-count" role="status">
      {describe(outcome, query)}
      {partial && outcome && outcome.total > 0 ? t('results.soFar') : ''}
    </p>
  );
}

function describe(outcome: SearchOutcome | null, query: string): string {
  if (!outcome) return t('results.reading');
  const count = formatCount(outcome.total);
  switch (outcome.kind) {
    case 'all':
      return outcome.total === 0 ? t('results.noneYet') : t('results.all', outcome.total, { count });
    case 'exact':
      return t('results.exact', outcome.total, { count });
    case 'typo':
      return t('results.typo', outcome.total, { count });
    case 'none':
      return t('results.none', { query: clipForDisplay(query.trim(), 60) });
  }
}
