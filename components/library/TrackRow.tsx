import { Fragment } from 'preact';
import { formatDuration } from '../../lib/format';
import { localDateOf } from '../../lib/library-view/added-at';
import type { StoredTrack } from '../../lib/library/types';
import { clipForDisplay, trackOpenUrl, type OpenTracksIn } from '../../lib/popup/track-links';
import { CoverImage } from '../CoverImage';
import { Highlighted } from '../Highlighted';
import { TrackTags } from './TrackTags';

interface TrackRowProps {
  track: StoredTrack;
  /** Place in the list, from 0. */
  rowIndex: number;
  /** Pixels from the top of the list body. */
  top: number;
  query: string;
  openIn: OpenTracksIn;
}

/**
 * One saved track as a table row. Names are text inside `<bdi>`, clipped before highlighting
 * (a 100,000-character title is behind the ellipsis anyway): markup shows as typed, and a
 * right-to-left override ends with its name.
 */
export function TrackRow({ track, rowIndex, top, query, openIn }: TrackRowProps) {
  const title = clipForDisplay(track.name);
  const album = clipForDisplay(track.album.name);
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
      <span role="cell" class="cell-title">
        <CoverImage src={track.album.image} size={40} />
        <span class="cell-title-text">
          <a class="track-title" href={trackOpenUrl(track, openIn)} target="_blank" rel="noreferrer" title={title}>
            <bdi>
              <Highlighted text={title} query={query} />
            </bdi>
          </a>
          <TrackTags track={track} />
        </span>
      </span>
      <span role="cell" class="cell-artist">
        {track.artists.map((artist, index) => (
          <Fragment key={index}>
            {index > 0 && ', '}
            <bdi>
              <Highlighted text={clipForDisplay(artist.name)} query={query} />
            </bdi>
          </Fragment>
        ))}
      </span>
      <span role="cell" class="cell-album">
        <bdi title={album}>
          <Highlighted text={album} query={query} />
        </bdi>
      </span>
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
