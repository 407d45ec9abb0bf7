import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExportControls, type ExportScope } from '../../components/library/ExportControls';
import { ImportSection } from '../../components/library/ImportSection';
import { LibraryTabs } from '../../components/library/LibraryTabs';
import { RemovedSection } from '../../components/library/RemovedSection';
import { RestorePanel } from '../../components/library/RestorePanel';
import { GrowthChart } from '../../components/library/GrowthChart';
import { LibraryCounts } from '../../components/library/LibraryCounts';
import { LibraryEmptyState } from '../../components/library/LibraryEmptyState';
import { LibraryStatusLine } from '../../components/library/LibraryStatusLine';
import { MonthChip } from '../../components/library/MonthChip';
import { SearchBox } from '../../components/library/SearchBox';
import { SortSelect } from '../../components/library/SortSelect';
import { TrackTable } from '../../components/library/TrackTable';
import { useElementSize } from '../../components/hooks/use-element-size';
import { useExport } from '../../components/hooks/use-export';
import { useLibraryData, type LibraryData } from '../../components/hooks/use-library-data';
import { useLibraryDb } from '../../components/hooks/use-library-db';
import { useLibraryView } from '../../components/hooks/use-library-view';
import { useNow } from '../../components/hooks/use-now';
import { useOnline } from '../../components/hooks/use-online';
import { useRemovalHistory, useRemovedCount } from '../../components/hooks/use-removal-history';
import { useRestoreStatus } from '../../components/hooks/use-restore-status';
import { useScrollToListOnChange } from '../../components/hooks/use-scroll-to-list-on-change';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { useViewHash } from '../../components/hooks/use-view-hash';
import { UnavailableLibraryNotice } from '../../components/UnavailableLibraryNotice';
import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { ExportFormat } from '../../lib/library-view/export-file';
import type { ViewSpec } from '../../lib/library-view/library-model';
import type { MonthIndex } from '../../lib/library-view/months';
import { DEFAULT_SORT, initialDirection, type SortField, type SortSpec } from '../../lib/library-view/sort-spec';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import type { AppStatus } from '../../lib/status';
import { appStatusItem, openTracksInSetting } from '../../lib/storage-items';
import { createWorkerTextRanker } from './worker-text-ranker';

/** "Last synced 5 min ago" stays right to the minute. */
const CLOCK_TICK_MS = 30_000;

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const status = useStorageItem(appStatusItem);
  const openIn = useStorageItem(openTracksInSetting) ?? 'web';
  const online = useOnline();
  const now = useNow(CLOCK_TICK_MS);
  const view = useViewHash();
  const [ranker] = useState(createWorkerTextRanker);
  useEffect(() => ranker.dispose, [ranker]);
  const { db, unavailable } = useLibraryDb(status?.account?.key);
  const data = useLibraryData(db, status?.libraryVersion ?? 0, ranker.rankTexts);
  const restore = useRestoreStatus(send);
  // Read again when a sync changes the library or a restore confirms tracks.
  const historyChange = `${status?.libraryVersion ?? 0} ${restore?.jobId ?? ''} ${restore?.position ?? 0} ${restore?.state ?? ''}`;
  const history = useRemovalHistory(view === 'removed' ? db : null, historyChange);
  // Counted once the library's first rows are up: their time is the page's budget (SPEC §8).
  const removedCount = useRemovedCount(view === 'removed' || data.phase === 'ready' ? db : null, historyChange);

  return (
    <main class="library">
      <header class="library-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('library.heading')}</h1>
        {status && (
          <LibraryStatusLine
            accountName={status.account?.displayName ?? null}
            signedIn={status.signedIn}
            sync={status.sync}
            lastSyncedAt={data.phase === 'ready' || data.phase === 'preview' ? data.summary.lastSyncedAt : null}
            online={online}
            now={now}
          />
        )}
        <a class="library-options-link" href="/options.html">
          {t('popup.options')}
        </a>
      </header>
      {status && unavailable && <UnavailableLibraryNotice unavailable={unavailable} />}
      {status?.account && !unavailable && <LibraryTabs view={view} removedCount={removedCount} />}
      {status && !unavailable && restore && (
        <RestorePanel
          status={restore}
          signedIn={status.signedIn}
          onPause={() => void send({ type: 'pauseRestore' })}
          onResume={() => void send({ type: 'resumeRestore' })}
          onCancel={() => void send({ type: 'cancelRestore' })}
          onDismiss={() => void send({ type: 'dismissRestore' })}
        />
      )}
      {status && !unavailable && view === 'library' && <LibraryBody status={status} data={data} openIn={openIn} />}
      {status?.account && !unavailable && view === 'removed' && (
        <RemovedSection history={history} signedIn={status.signedIn} restore={restore} openIn={openIn} send={send} />
      )}
      {status?.account && !unavailable && view === 'restore-file' && (
        <ImportSection signedIn={status.signedIn} restore={restore} send={send} />
      )}
      {status && !status.account && !unavailable && view !== 'library' && <LibraryBody status={status} data={data} openIn={openIn} />}
    </main>
  );
}

interface LibraryBodyProps {
  status: AppStatus;
  data: LibraryData;
  openIn: 'web' | 'app';
}

/** What there is to show: an explanation when there is no library, else the library. */
function LibraryBody({ status, data, openIn }: LibraryBodyProps) {
  if (!status.account) {
    return (
      <LibraryEmptyState title={t('library.noLibraryTitle')}>
        <p>{t('library.noLibraryText')}</p>
      </LibraryEmptyState>
    );
  }
  if (data.phase === 'loading') return <p class="muted">{t('library.opening')}</p>;
  if (data.phase === 'failed') {
    return (
      <p class="notice error" role="alert">
        {t('library.readFailed', { reason: data.message })}
      </p>
    );
  }
  if (data.summary.total === 0) {
    if (status.sync.state === 'syncing') {
      const progress = status.sync.progress;
      return (
        <LibraryEmptyState title={t('library.syncingTitle')}>
          <p>
            {progress
              ? t('library.syncingSoFar', { done: formatCount(progress.done), total: formatCount(progress.total) })
              : t('library.firstTracksSoon')}
          </p>
        </LibraryEmptyState>
      );
    }
    if (data.summary.lastSyncedAt === null && !data.summary.complete) {
      return (
        <LibraryEmptyState title={t('sync.notSyncedYet')}>
          <p>{t('library.notSyncedText')}</p>
        </LibraryEmptyState>
      );
    }
    return (
      <LibraryEmptyState title={t('library.noTracksTitle')}>
        <p>{t('library.noTracksText')}</p>
      </LibraryEmptyState>
    );
  }
  return <LibraryContent status={status} data={data} openIn={openIn} />;
}

interface LibraryContentProps {
  status: AppStatus;
  data: Extract<LibraryData, { phase: 'preview' | 'ready' }>;
  openIn: 'web' | 'app';
}

function LibraryContent({ status, data, openIn }: LibraryContentProps) {
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
  const chart = useMemo(
    () => (model ? <GrowthChart months={model.months} selected={month} onSelect={setMonth} /> : null),
    [model, month],
  );

  const preview = useMemo(
    () => (data.phase === 'preview' ? Int32Array.from(data.preview.keys()) : null),
    [data],
  );
  const tracks = shown?.model.tracks ?? (data.phase === 'preview' ? data.preview : []);
  const positions = shown?.view.positions ?? preview ?? new Int32Array(0);
  const total = data.summary.total;

  function sortByColumn(field: SortField): void {
    setSort((current) =>
      current.field === field
        ? { field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { field, direction: initialDirection(field) },
    );
  }

  function exportTracks(format: ExportFormat, scope: ExportScope): void {
    if (!shown) return;
    const { tracks: all } = shown.model;
    const listed = shown.view.positions;
    if (scope === 'library') exporter.start(format, all.length, (index) => all[index]);
    else exporter.start(format, listed.length, (index) => all[listed[index]]);
  }

  return (
    <>
      {!data.summary.complete && (
        <p class="notice" role="status" data-partial="true">
          {status.sync.progress
            ? t('library.stillSyncingOf', status.sync.progress.total, {
                count: formatCount(total),
                total: formatCount(status.sync.progress.total),
              })
            : t('library.stillSyncing', total, { count: formatCount(total) })}
        </p>
      )}
      <section class="growth" aria-labelledby="growth-title">
        <h2 id="growth-title">{t('library.growthTitle')}</h2>
        {chart ?? <div class="growth-chart is-loading" aria-hidden="true" />}
      </section>
      <div class="library-toolbar" ref={toolbarRef}>
        <SearchBox value={query} onChange={setQuery} />
        <SortSelect sort={sort} onChange={setSort} />
        <ExportControls
          viewCount={shown ? positions.length : null}
          total={total}
          progress={exporter.progress}
          error={exporter.error}
          onExport={exportTracks}
        />
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
          onSort={sortByColumn}
          busy={sorting || !shown}
          openIn={openIn}
        />
      </div>
    </>
  );
}
