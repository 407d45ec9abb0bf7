import type { TabTrack } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n';
import { clipForDisplay } from '../../lib/popup/track-links';
import type { SavedState } from '../../lib/tracks/saved-state';
import { CoverImage } from '../CoverImage';
import { Rich } from '../Rich';

interface CurrentTrackCardProps {
  track: TabTrack;
  pending: boolean;
  error: string | null;
  onToggleSaved: () => void;
}

/** The track the current tab shows (SPEC §6 `[data-current-track]`), saved or not, in words. */
export function CurrentTrackCard({ track, pending, error, onToggleSaved }: CurrentTrackCardProps) {
  const saved = track.state.kind === 'saved';
  const { details } = track;
  return (
    <section
      class="current-track"
      data-current-track
      data-track-id={track.trackId}
      data-saved={String(saved)}
      aria-labelledby="current-track-title"
      aria-busy={pending}
    >
      <CoverImage src={details?.image ?? null} size={48} />
      <div class="current-track-text">
        <p class="current-track-eyebrow">{t('currentTrack.onThisTab')}</p>
        <h2 id="current-track-title" class="current-track-title">
          <bdi title={details ? clipForDisplay(details.name) : undefined}>{details ? clipForDisplay(details.name) : t('currentTrack.spotifyTrack')}</bdi>
        </h2>
        <p class="current-track-artists">
          {details ? (
            <bdi>{clipForDisplay(details.artists.join(', '))}</bdi>
          ) : (
            <span>
              <Rich text={t('currentTrack.noDetails')} parts={{ id: <code>{track.trackId}</code> }} />
            </span>
          )}
        </p>
        {/* Live, so a screen reader hears the change after Save or Remove, in words. */}
        <p class={`saved-state ${saved ? 'is-saved' : ''}`} aria-live="polite">
          {saved && <span aria-hidden="true">✓ </span>}
          {savedStateText(track.state)}
        </p>
      </div>
      <button type="button" class={saved ? 'current-track-action' : 'current-track-action primary'} onClick={onToggleSaved} disabled={pending}>
        {saved ? t('currentTrack.remove') : t('currentTrack.save')}
      </button>
      {error && (
        <p class="notice error current-track-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function savedStateText(state: SavedState): string {
  switch (state.kind) {
    case 'saved':
      return t('currentTrack.saved');
    case 'not-saved':
      return t('currentTrack.notSaved');
    case 'other-version':
      return t('currentTrack.otherVersion', { album: clipForDisplay(state.albumName, 80) });
  }
}
