import { formatDuration } from '../../lib/format';
import { localDateOf } from '../../lib/library-view/added-at';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import type { OpenTracksIn } from '../../lib/popup/track-links';
import { TrackNameCells } from './TrackNameCells';

interface TrackRowProps {
  track: StoredTrack;
  /** Place in the list, from 0. */
  rowIndex: number;
  /** Pixels from the top of the list body. */
  top: number;
  query: string;
  openIn: OpenTracksIn;
}

/** One saved track as a table row. */
export function TrackRow({ track, rowIndex, top, query, openIn }: TrackRowProps) {
  const classes = ['track-row', track.isPlayable === false && 'is-unplayable', track.isLocal && 'is-local'];
  return (
    <div
      role="row"
      class={classes.filter(Boolean).join(' ')}
      aria-rowindex={rowIndex + 2}
      data-track-id={track.id ?? track.uri}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" class="cell-index">
        {rowIndex + 1}
      </span>
      <TrackNameCells track={track} query={query} openIn={openIn} />
      <span role="cell" class="cell-released" title={track.album.releaseDate ?? undefined}>
        {track.album.releaseDate?.slice(0, 4) ?? ''}
      </span>
      <span role="cell" class="cell-added" title={track.addedAt}>
        {localDateOf(track.addedAt)}
      </span>
      <span role="cell" class="cell-duration">
        {formatDuration(track.durationMs)}
      </span>
    </div>
  );
}
