import type { StoredTrack } from '../../lib/tracks/stored-track';

/** Small marks after a title: explicit, a local file, not playable where the user is. */
export function TrackTags({ track }: { track: StoredTrack }) {
  return (
    <>
      {track.explicit && (
        <abbr class="tag" title="Explicit">
          E
        </abbr>
      )}
      {track.isLocal && (
        <span class="tag tag-local" title="A file on your computer, added to Spotify">
          Local file
        </span>
      )}
      {track.isPlayable === false && (
        <span class="tag tag-unplayable" title="Spotify cannot play this track where you are">
          Unavailable
        </span>
      )}
    </>
  );
}
