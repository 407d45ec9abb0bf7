import { localDateOf } from '../../lib/library-view/added-at';
import { t } from '../../lib/i18n';
import type { RemovedTrack } from '../../lib/library/store';
import { clipForDisplay, type OpenTracksIn } from '../../lib/popup/track-links';
import { TrackNameCells } from './TrackNameCells';

interface RemovedRowProps {
  removed: RemovedTrack;
  rowIndex: number;
  /** Pixels from the top of the list body. */
  top: number;
  query: string;
  openIn: OpenTracksIn;
  selected: boolean;
  /** Why Restore cannot be pressed now, or null when it can. */
  restoreBlocked: string | null;
  onSelect: (uri: string, selected: boolean) => void;
  onRestore: (uri: string) => void;
}

/** A track that left the library (SPEC §6: `[data-removed-track-id]` with `data-removed-at`), with its Restore button. */
export function RemovedRow({ removed, rowIndex, top, query, openIn, selected, restoreBlocked, onSelect, onRestore }: RemovedRowProps) {
  const { track, removedAt, by } = removed;
  const title = clipForDisplay(track.name);
  const blocked = track.isLocal ? t('removed.localFile') : restoreBlocked;
  return (
    <div
      role="row"
      class="track-row removed-row"
      aria-rowindex={rowIndex + 2}
      aria-selected={selected}
      data-removed-track-id={track.id ?? track.uri}
      data-removed-at={removedAt}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" class="cell-select">
        <input
          type="checkbox"
          checked={selected}
          disabled={track.isLocal}
          aria-label={t('removed.select', { title })}
          onChange={(event) => onSelect(track.uri, event.currentTarget.checked)}
        />
      </span>
      <TrackNameCells track={track} query={query} openIn={openIn} />
      <span role="cell" class="cell-added" title={t('removed.savedAt', { at: track.addedAt })}>
        {localDateOf(track.addedAt)}
      </span>
      <span role="cell" class="cell-removed" title={by === 'sync' ? t('removed.goneAt', { at: removedAt }) : t('removed.removedHereAt', { at: removedAt })}>
        {localDateOf(removedAt)}
        <span class="removed-by">{by === 'sync' ? t('removed.bySpotify') : t('removed.byHere')}</span>
      </span>
      <span role="cell" class="cell-action">
        <button type="button" disabled={blocked !== null} title={blocked ?? undefined} onClick={() => onRestore(track.uri)}>
          {t('removed.restore')}
        </button>
      </span>
    </div>
  );
}
