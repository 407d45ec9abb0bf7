import type { SendRequest } from '../../lib/messaging/client';
import type { MatchedTrack, PageMatch } from '../../lib/cross-site/page-match';
import { clipForDisplay } from '../../lib/popup/track-links';
import { t } from '../../lib/i18n';
import { Rich } from '../Rich';
import './cross-site.css';
import { usePageMatch } from './use-page-match';

interface PageMatchLineProps {
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
export function PageMatchLine({ send, tabId, enabled, libraryVersion }: PageMatchLineProps) {
  const { match, pending, error, reject } = usePageMatch(send, tabId, enabled, libraryVersion);
  if (!match) return null;
  return (
    <section class="page-match" data-page-match data-match-kind={match.kind} aria-busy={pending}>
      <p class="page-match-reading muted" data-page-reading>
        <Rich text={t('pageMatch.readAs')} parts={{ song: <Song name={match.page.title} artists={match.page.artists} /> }} />
      </p>
      <p class="page-match-text" aria-live="polite">
        <MatchText match={match} />
      </p>
      {match.track && (
        <button type="button" class="page-match-reject" onClick={reject} disabled={pending}>
          {t('pageMatch.notThisTrack')}
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

function MatchText({ match }: { match: PageMatch }) {
  if (match.kind === 'not-saved' || !match.track) {
    return (
      <>
        {t('pageMatch.notSaved')}
        {match.rejected > 0 && <span class="muted">{match.rejected === 1 ? t('pageMatch.rejectedOne') : t('pageMatch.rejectedAll')}</span>}
      </>
    );
  }
  const saved = <SavedOn track={match.track} />;
  if (match.kind === 'other-version') {
    return (
      <Rich text={t('pageMatch.otherVersion')} parts={{ song: <Song name={match.track.name} artists={match.track.artists} />, saved }} />
    );
  }
  return (
    <>
      <span aria-hidden="true">✓ </span>
      <Rich text={t('pageMatch.matched')} parts={{ song: <Song name={match.track.name} artists={match.track.artists} />, saved }} />
      {match.how === 'close' && <span class="muted">{t('pageMatch.close')}</span>}
    </>
  );
}

function Song({ name, artists }: { name: string; artists: string[] }) {
  return (
    <>
      <bdi class="page-match-title">{clipForDisplay(name, 120)}</bdi> — <bdi>{clipForDisplay(artists.join(', '), 120)}</bdi>
    </>
  );
}

function SavedOn({ track }: { track: MatchedTrack }) {
  const day = track.addedAt.slice(0, 10);
  return <time dateTime={track.addedAt}>{t('pageMatch.savedOn', { day })}</time>;
}
