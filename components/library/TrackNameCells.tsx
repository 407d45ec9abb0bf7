import { Fragment } from 'preact';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { clipForDisplay, trackOpenUrl, type OpenTracksIn } from '../../lib/popup/track-links';
import { CoverImage } from '../CoverImage';
import { Highlighted } from '../Highlighted';
import { TrackTags } from './TrackTags';

interface TrackNameCellsProps {
  track: StoredTrack;
  query: string;
  openIn: OpenTracksIn;
}

/**
 * A track's title (with its cover and a link to it), artists and album as table cells. Names
 * are text inside `<bdi>`, clipped before highlighting (a 100,000-character title is behind
 * the ellipsis anyway): markup shows as typed, and a right-to-left override ends with its name.
 */
export function TrackNameCells({ track, query, openIn }: TrackNameCellsProps) {
  const title = clipForDisplay(track.name);
  const album = clipForDisplay(track.album.name);
  return (
    <>
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
    </>
  );
}
