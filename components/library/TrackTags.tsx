import { t } from '../../lib/i18n';
import type { StoredTrack } from '../../lib/tracks/stored-track';

/** Small marks after a title: explicit, a local file, not playable where the user is. */
export function TrackTags({ track }: { track: StoredTrack }) {
  return (
    <>
      {track.explicit && (
        <abbr class="tag" title={t('tags.explicit')}>
          {t('tags.explicitMark')}
        </abbr>
      )}
      {track.isLocal && (
        <span class="tag tag-local" title={t('tags.localTitle')}>
          {t('tags.local')}
        </span>
      )}
      {track.isPlayable === false && (
        <span class="tag tag-unplayable" title={t('tags.unplayableTitle')}>
          {t('tags.unplayable')}
        </span>
      )}
    </>
  );
}
