import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ListedTrack } from '../../lib/popup/listed-track';
import type { SearchOutcome } from '../../lib/search/search-library';
import type { PopupLibrary } from './use-popup-library';

export interface ResultRow {
  /** Display position in the library (newest saved first). */
  position: number;
  /** Undefined while its chunk is being read. */
  track: ListedTrack | undefined;
}

export interface SearchResults {
  /** Null while nothing can be listed: a query typed before the search keys were read. */
  outcome: SearchOutcome | null;
  rows: ResultRow[];
  /** Every row's track is in, from the current library: the list shows this query's results whole. */
  complete: boolean;
}

/**
 * The results for `query`, at most `limit` of them, searched synchronously in the render that
 * follows the keystroke (SPEC §8: one frame at 100k tracks; no debounce). Rows whose chunk has
 * not been read yet are read at once and the list re-renders when they are in.
 */
export function useSearchResults(library: PopupLibrary | null, libraryVersion: number, query: string, limit: number): SearchResults {
  const [chunksRead, setChunksRead] = useState(0);
  const outcome = useMemo(() => searchOutcome(library, query, limit), [library, query, limit]);
  // Kept while nothing changes (`chunksRead`: a chunk came in), so that the list can tell a new
  // set of results from a mere re-render.
  const rows = useMemo(() => rowsOf(library, outcome), [library, outcome, chunksRead]);
  const rowsRead = outcome !== null && rows.every((row) => row.track !== undefined);
  const complete = rowsRead && library!.version === libraryVersion;

  // A layout effect, so the reads start before the browser paints the placeholders.
  useLayoutEffect(() => {
    if (!library || !outcome || rowsRead) return;
    let active = true;
    void library.tracks.load(outcome.positions)?.then(() => {
      if (active) setChunksRead((count) => count + 1);
    });
    return () => {
      active = false;
    };
  }, [library, outcome, rowsRead]);

  return { outcome, rows, complete };
}

function rowsOf(library: PopupLibrary | null, outcome: SearchOutcome | null): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const position of outcome?.positions ?? []) {
    const track = library!.tracks.trackAt(position);
    // Null: its chunk no longer has it (the library changed); a reload is on its way.
    if (track !== null) rows.push({ position, track });
  }
  return rows;
}

function searchOutcome(library: PopupLibrary | null, query: string, limit: number): SearchOutcome | null {
  if (!library) return null;
  if (library.search) return library.search.search(query, { limit });
  if (query.trim() !== '') return null;
  // Before the keys are read the empty query can still list the newest tracks.
  const count = Math.min(limit, library.tracks.total);
  return { positions: Array.from({ length: count }, (_, position) => position), total: library.tracks.total, kind: 'all' };
}
