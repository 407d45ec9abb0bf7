import type { SendRequest } from '../../lib/messaging/client';
import type { MatchedTrack, TabMatch } from '../../lib/cross-site/tab-match';
import { clipForDisplay } from '../../lib/popup/track-links';
import { t } from '../../lib/i18n';
import { Rich } from '../Rich';
import './cross-site.css';
import { useTabMatch } from './use-tab-match';

interface TabMatchLineProps {
  send: SendRequest;
  tabId: number | null;
  /** Signed in: matches are shown only then, as badges are. */
  enabled: boolean;
  libraryVersion: number;
}

/**
 * The popup's lines for a music page on another site: what was read from the page ("Read as:
 * Title — Artist", so a wrong reading shows), then what it matched ("Matched: Title — Artist,
 * saved 2023-04-02") with "Not this track" to correct it. Renders nothing on other tabs.
 */
export function TabMatchLine({ send, tabId, enabled, libraryVersion }: TabMatchLineProps) {
  const { match, pending, error, reject } = useTabMatch(send, tabId, enabled, libraryVersion);
  if (!match) return null;
  return (
    <section class="tab-match" data-page-match data-match-kind={match.kind} aria-busy={pending}>
      <p class="tab-match-reading muted" data-page-reading>
        <Rich text={t('tabMatch.readAs')} parts={{ song: <Song name={match.readAs.title} artists={match.readAs.artists} /> }} />
      </p>
      <p class="tab-match-text" aria-live="polite">
        <MatchText match={match} />
      </p>
      {match.track && (
        <button type="button" class="tab-match-reject" onClick={reject} disabled={pending}>
          {t('tabMatch.notThisTrack')}
        </button>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function MatchText({ match }: { match: TabMatch }) {
  if (match.kind === 'not-saved' || !match.track) {
    return (
      <>
        {t('tabMatch.notSaved')}
        {match.rejected > 0 && <span class="muted">{match.rejected === 1 ? t('tabMatch.rejectedOne') : t('tabMatch.rejectedAll')}</span>}
      </>
    );
  }
  const saved = <SavedOn track={match.track} />;
  if (match.kind === 'other-version') {
    return <Rich text={t('tabMatch.otherVersion')} parts={{ song: <Song name={match.track.name} artists={match.track.artists} />, saved }} />;
  }
  return (
    <>
      <span aria-hidden="true">✓ </span>
      <Rich text={t('tabMatch.matched')} parts={{ song: <Song name={match.track.name} artists={match.track.artists} />, saved }} />
      {match.how === 'close' && <span class="muted">{t('tabMatch.close')}</span>}
    </>
  );
}

function Song({ name, artists }: { name: string; artists: string[] }) {
  return (
    <>
      <bdi class="tab-match-title">{clipForDisplay(name, 120)}</bdi> — <bdi>{clipForDisplay(artists.join(', '), 120)}</bdi>
    </>
  );
}

function SavedOn({ track }: { track: MatchedTrack }) {
  const day = track.addedAt.slice(0, 10);
  return <time dateTime={track.addedAt}>{t('tabMatch.savedOn', { day })}</time>;
}
