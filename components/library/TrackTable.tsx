import { useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { SortField, SortSpec } from '../../lib/library-view/sort-spec';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import type { OpenTracksIn } from '../../lib/popup/track-links';
import { useTableRows } from '../hooks/use-table-rows';
import { TrackRow } from './TrackRow';
import { TrackTableHeader } from './TrackTableHeader';

interface TrackTableProps {
  tracks: readonly StoredTrack[];
  /** Positions in `tracks`, in display order. */
  positions: ArrayLike<number>;
  query: string;
  sort: SortSpec;
  onSort: (field: SortField) => void;
  /** A new order is being prepared: the rows are the previous one. */
  busy: boolean;
  openIn: OpenTracksIn;
}

/**
 * The list, however long, as a table with only the rows in view (and a few beyond) in the DOM.
 * The page scrolls; the list's body is as tall as all its rows and the rows sit at their
 * offsets in it.
 */
export function TrackTable({ tracks, positions, query, sort, onSort, busy, openIn }: TrackTableProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const { items, totalSize, scrollMargin } = useTableRows(bodyRef, positions.length);

  return (
    <div class="track-table" role="table" aria-label={t('results.listLabel')} aria-rowcount={positions.length + 1} aria-busy={busy}>
      <TrackTableHeader sort={sort} onSort={onSort} />
      <div role="rowgroup" ref={bodyRef} class="track-table-body" style={{ height: `${totalSize}px` }}>
        {items.map((item) => {
          const track = tracks[positions[item.index]] as StoredTrack | undefined;
          // The virtualizer may still hold a row of a longer list for one render.
          if (!track) return null;
          return <TrackRow key={track.uri} track={track} rowIndex={item.index} top={item.start - scrollMargin} query={query} openIn={openIn} />;
        })}
      </div>
    </div>
  );
}
