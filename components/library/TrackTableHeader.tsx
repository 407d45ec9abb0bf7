import { t } from '../../lib/i18n';
import type { SortField, SortSpec } from '../../lib/library-view/sort-spec';

interface Column {
  className: string;
  /** Read when rendered: the words are the UI language's. */
  label: () => string;
  field: SortField | null;
}

const COLUMNS: readonly Column[] = [
  { className: 'cell-index', label: () => '#', field: null },
  { className: 'cell-title', label: () => t('columns.title'), field: 'title' },
  { className: 'cell-artist', label: () => t('columns.artist'), field: 'artist' },
  { className: 'cell-album', label: () => t('columns.album'), field: 'album' },
  { className: 'cell-released', label: () => t('columns.released'), field: 'releaseDate' },
  { className: 'cell-added', label: () => t('columns.added'), field: 'addedAt' },
  { className: 'cell-duration', label: () => t('columns.duration'), field: 'duration' },
];

interface TrackTableHeaderProps {
  sort: SortSpec;
  /** A click on a column: sort by it, or turn its direction round if it is the sort already. */
  onSort: (field: SortField) => void;
}

/** The column headers: buttons that sort, the sorted one marked with `aria-sort`. */
export function TrackTableHeader({ sort, onSort }: TrackTableHeaderProps) {
  return (
    <div role="rowgroup" class="track-table-head">
      <div role="row" class="track-row" aria-rowindex={1}>
        {COLUMNS.map(({ className, label, field }) => {
          const sorted = field !== null && field === sort.field;
          return (
            <span
              key={className}
              role="columnheader"
              class={className}
              aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {field === null ? (
                <span title={t('columns.positionTitle')}>{label()}</span>
              ) : (
                <button type="button" class={sorted ? 'sort-button is-sorted' : 'sort-button'} onClick={() => onSort(field)}>
                  {label()}
                  {sorted && <span aria-hidden="true">{sort.direction === 'asc' ? ' ↑' : ' ↓'}</span>}
                </button>
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}
