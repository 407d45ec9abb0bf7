import { formatCount } from '../../lib/format';
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
      {partial && outcome && outcome.total > 0 ? ' so far' : ''}
    </p>
  );
}

function describe(outcome: SearchOutcome | null, query: string): string {
  if (!outcome) return 'Reading your library…';
  const total = formatCount(outcome.total);
  switch (outcome.kind) {
    case 'all':
      return outcome.total === 0 ? 'No saved tracks yet' : `${total} saved ${plural(outcome.total, 'track')}, newest first`;
    case 'exact':
      return `${total} ${plural(outcome.total, 'match', 'matches')}`;
    case 'typo':
      return `No exact matches — ${total} close ${plural(outcome.total, 'one')}`;
    case 'none':
      return `No saved track matches “${clipForDisplay(query.trim(), 60)}”`;
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
