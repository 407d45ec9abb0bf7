import type { RemovalHistory } from '../library/store';
import type { RestoreStatus } from '../status';
import { tokenizeQuery } from '../search/fold';
import { createLibrarySearch, type SearchOutcome } from '../search/search-library';

/** The "Removed from Spotify" view: the history, newest removal first, filtered by the library's search. */
export interface RemovedList {
  /** Positions in the history, in display order. */
  view(query: string): { positions: number[]; kind: SearchOutcome['kind'] };
}

export function createRemovedList(history: RemovalHistory): RemovedList {
  const search = createLibrarySearch(history.searchKeys);
  const all = history.removed.map((_, position) => position);
  return {
    view(query) {
      if (tokenizeQuery(query).length === 0) return { positions: all, kind: 'all' };
      const outcome = search.search(query, { limit: all.length });
      return { positions: outcome.positions, kind: outcome.kind };
    },
  };
}

/**
 * Moves whenever the history of removals may have changed: a sync changed the library, or a
 * restore confirmed tracks (its position moved) or ended.
 */
export function removalHistoryChange(libraryVersion: number, restore: RestoreStatus | null): string {
  return `${libraryVersion} ${restore?.jobId ?? ''} ${restore?.position ?? 0} ${restore?.state ?? ''}`;
}
