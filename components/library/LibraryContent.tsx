import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ExportFormat } from '../../lib/library-view/export-file';
import type { ViewSpec } from '../../lib/library-view/library-model';
import type { ReadLibrary } from '../../lib/library-view/library-view-loader';
import type { MonthIndex } from '../../lib/library-view/months';
import { listedRows, tracksToExport, type ExportScope } from '../../lib/library-view/shown-view';
import { columnSort, DEFAULT_SORT, type SortSpec } from '../../lib/library-view/sort-spec';
import type { OpenTracksIn } from '../../lib/popup/track-links';
import type { SyncStatus } from '../../lib/status';
import { useElementSize } from '../hooks/use-element-size';
import { useExport } from '../hooks/use-export';
import { useLibraryView } from '../hooks/use-library-view';
import { useScrollToListOnChange } from '../hooks/use-scroll-to-list-on-change';
import { ExportControls } from './ExportControls';
import { GrowthChart } from './GrowthChart';
import { LibraryCounts } from './LibraryCounts';
import { MonthChip } from './MonthChip';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';
import { StillSyncingNotice } from './StillSyncingNotice';
import { TrackTable } from './TrackTable';

interface LibraryContentProps {
  sync: SyncStatus;
  data: ReadLibrary;
  openIn: OpenTracksIn;
}

/** The library: its growth, the search, sort and export, and the list of tracks. */
export function LibraryContent({ sync, data, openIn }: LibraryContentProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [month, setMonth] = useState<MonthIndex | null>(null);
  const spec = useMemo<ViewSpec>(() => ({ query, month, sort }), [query, month, sort]);
  const model = data.phase === 'ready' ? data.model : null;
  const { shown, sorting } = useLibraryView(model, spec);
  const exporter = useExport();

  const toolbarRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const { height: toolbarHeight } = useElementSize(toolbarRef);
  useScrollToListOnChange(spec, tableRef, toolbarHeight);

  // Kept while only the list changes: the chart formats a label per month, a keystroke need not.
  const chart = useMemo(() => (model ? <GrowthChart months={model.months} selected={month} onSelect={setMonth} /> : null), [model, month]);

  const { tracks, positions } = useMemo(() => listedRows(shown, data.phase === 'preview' ? data.preview : null), [shown, data]);
  const total = data.summary.total;

  function exportTracks(format: ExportFormat, scope: ExportScope): void {
    if (!shown) return;
    const { count, trackAt } = tracksToExport(shown, scope);
    exporter.start(format, count, trackAt);
  }

  return (
    <>
      {!data.summary.complete && <StillSyncingNotice count={total} progress={sync.progress} />}
      <section class="growth" aria-labelledby="growth-title">
        <h2 id="growth-title">{t('library.growthTitle')}</h2>
        {chart ?? <div class="growth-chart is-loading" aria-hidden="true" />}
      </section>
      <div class="library-toolbar" ref={toolbarRef}>
        <SearchBox value={query} onChange={setQuery} />
        <SortSelect sort={sort} onChange={setSort} />
        <ExportControls viewCount={shown ? positions.length : null} total={total} progress={exporter.progress} error={exporter.error} onExport={exportTracks} />
      </div>
      <div class="library-summary">
        <LibraryCounts
          count={shown ? positions.length : null}
          total={total}
          unavailable={data.summary.unavailable}
          query={query}
          searchKind={shown?.view.searchKind ?? 'all'}
          filtered={query.trim() !== '' || month !== null}
        />
        {sorting && <span class="muted">{t('library.sorting')}</span>}
        {month !== null && <MonthChip month={month} onClear={() => setMonth(null)} />}
      </div>
      <div ref={tableRef} style={{ '--sticky-top': `${toolbarHeight}px` }}>
        <TrackTable
          tracks={tracks}
          positions={positions}
          query={shown ? query : ''}
          sort={sort}
          onSort={(field) => setSort((current) => columnSort(current, field))}
          busy={sorting || !shown}
          openIn={openIn}
        />
      </div>
    </>
  );
}
