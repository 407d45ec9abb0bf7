import { useMemo, useRef, useState } from 'preact/hooks';
import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { RemovedTrack } from '../../lib/library/store';
import type { SendRequest } from '../../lib/messaging/client';
import type { OpenTracksIn } from '../../lib/popup/track-links';
import { isUnfinished } from '../../lib/restore/restore-store';
import type { RestoreStatus } from '../../lib/status';
import type { RemovalHistoryData } from '../hooks/use-removal-history';
import { useTableRows } from '../hooks/use-table-rows';
import { LibraryEmptyState } from './LibraryEmptyState';
import { RemovedRow } from './RemovedRow';
import { SearchBox } from './SearchBox';

interface RemovedSectionProps {
  history: RemovalHistoryData;
  signedIn: boolean;
  restore: RestoreStatus | null;
  openIn: OpenTracksIn;
  send: SendRequest;
}

/**
 * "Removed from Spotify": the tracks that left the library, newest removal first, searched
 * like the library, each with Restore, and Restore for a selection.
 */
export function RemovedSection({ history, signedIn, restore, openIn, send }: RemovedSectionProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const ready = history.phase === 'ready' ? history : null;
  const shown = useMemo(() => ready?.list.view(query) ?? { positions: [], kind: 'all' as const }, [ready, query]);
  const removed = ready?.history.removed ?? [];
  // Only what is still listed counts as selected: restored tracks leave the list.
  const listed = useMemo(() => new Set(removed.map(({ track }) => track.uri)), [removed]);
  const selection = [...selected].filter((uri) => listed.has(uri));

  const restoreBlocked = !signedIn ? t('removed.signInToRestore') : isUnfinished(restore) ? t('restore.underWay') : null;

  function restoreTracks(uris: string[]): void {
    setError(null);
    send({ type: 'restoreRemoved', uris }).then(
      () => setSelected(new Set()),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }

  function select(uri: string, on: boolean): void {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(uri);
      else next.delete(uri);
      return next;
    });
  }

  if (history.phase === 'loading') return <p class="muted">{t('removed.reading')}</p>;
  if (history.phase === 'failed') {
    return (
      <p class="notice error" role="alert">
        {t('removed.readFailed', { reason: history.message })}
      </p>
    );
  }
  if (removed.length === 0) {
    return (
      <LibraryEmptyState title={t('removed.emptyTitle')}>
        <p>{t('removed.emptyText')}</p>
      </LibraryEmptyState>
    );
  }

  const restorable = shown.positions.filter((position) => !removed[position]!.track.isLocal);
  const allShownSelected = restorable.length > 0 && restorable.every((position) => selected.has(removed[position]!.track.uri));
  return (
    <>
      <div class="library-toolbar">
        <SearchBox value={query} onChange={setQuery} id="removed-search" label={t('removed.searchLabel')} />
        <button
          type="button"
          class="primary"
          disabled={selection.length === 0 || restoreBlocked !== null}
          title={restoreBlocked ?? undefined}
          onClick={() => restoreTracks(selection)}
        >
          {t('removed.restoreSelected', { count: formatCount(selection.length) })}
        </button>
      </div>
      <div class="library-summary">
        <p class="library-counts" role="status" data-removed-count={shown.positions.length}>
          {shown.positions.length === removed.length
            ? t('removed.count', removed.length, { count: formatCount(removed.length) })
            : t('removed.countFiltered', removed.length, { count: formatCount(shown.positions.length), total: formatCount(removed.length) })}
        </p>
        {restoreBlocked && <p class="muted">{restoreBlocked}</p>}
      </div>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <RemovedTable
        removed={removed}
        positions={shown.positions}
        query={query}
        openIn={openIn}
        selected={selected}
        allShownSelected={allShownSelected}
        restoreBlocked={restoreBlocked}
        onSelect={select}
        onSelectShown={(on) =>
          setSelected((current) => {
            const next = new Set(current);
            for (const position of restorable) {
              if (on) next.add(removed[position]!.track.uri);
              else next.delete(removed[position]!.track.uri);
            }
            return next;
          })
        }
        onRestore={(uri) => restoreTracks([uri])}
      />
    </>
  );
}

interface RemovedTableProps {
  removed: readonly RemovedTrack[];
  positions: readonly number[];
  query: string;
  openIn: OpenTracksIn;
  selected: ReadonlySet<string>;
  allShownSelected: boolean;
  restoreBlocked: string | null;
  onSelect: (uri: string, selected: boolean) => void;
  onSelectShown: (selected: boolean) => void;
  onRestore: (uri: string) => void;
}

/** The removed tracks as a table with only the rows in view in the DOM (a mass removal can list thousands). */
function RemovedTable(props: RemovedTableProps) {
  const { removed, positions, query, openIn, selected, allShownSelected, restoreBlocked, onSelect, onSelectShown, onRestore } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const { items, totalSize, scrollMargin } = useTableRows(bodyRef, positions.length);
  return (
    <div class="track-table removed-table" role="table" aria-label={t('removed.tableLabel')} aria-rowcount={positions.length + 1}>
      <div role="rowgroup" class="track-table-head">
        <div role="row" class="track-row" aria-rowindex={1}>
          <span role="columnheader" class="cell-select">
            <input
              type="checkbox"
              checked={allShownSelected}
              aria-label={t('removed.selectAll')}
              onChange={(event) => onSelectShown(event.currentTarget.checked)}
            />
          </span>
          <span role="columnheader" class="cell-title">
            {t('columns.title')}
          </span>
          <span role="columnheader" class="cell-artist">
            {t('columns.artist')}
          </span>
          <span role="columnheader" class="cell-album">
            {t('columns.album')}
          </span>
          <span role="columnheader" class="cell-added">
            {t('columns.saved')}
          </span>
          <span role="columnheader" class="cell-removed">
            {t('columns.removed')}
          </span>
          <span role="columnheader" class="cell-action">
            <span class="visually-hidden">{t('removed.restore')}</span>
          </span>
        </div>
      </div>
      <div role="rowgroup" ref={bodyRef} class="track-table-body" style={{ height: `${totalSize}px` }}>
        {items.map((item) => {
          const entry = removed[positions[item.index]!];
          if (!entry) return null;
          return (
            <RemovedRow
              key={entry.track.uri}
              removed={entry}
              rowIndex={item.index}
              top={item.start - scrollMargin}
              query={query}
              openIn={openIn}
              selected={selected.has(entry.track.uri)}
              restoreBlocked={restoreBlocked}
              onSelect={onSelect}
              onRestore={onRestore}
            />
          );
        })}
      </div>
    </div>
  );
}
