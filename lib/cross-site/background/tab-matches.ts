import { t } from '../../i18n';
import type { MatchOptions } from '../matching/match-index';
import { songUrlOf } from '../matching/song-url';
import type { SiteTrack, TabReport } from '../site-track';
import type { TabMatch } from '../tab-match';
import { badgeFor, NO_BADGE, type Badge } from '../../tracks/saved-state';

export interface TabMatchesDeps {
  match(track: SiteTrack, options: MatchOptions): Promise<TabMatch>;
  setBadge(tabId: number, badge: Badge): Promise<void>;
  /** Badges are empty while signed out (SPEC §5). */
  isActive(): Promise<boolean>;
  /** Whether the tab's site is still switched on: a site switched off shows nothing. */
  isOnEnabledSite(url: string): Promise<boolean>;
  strictMatching(): Promise<boolean>;
  /** "Not this track" corrections, by song URL (matching/song-url.ts). */
  rejected(songUrl: string): Promise<string[]>;
  reject(songUrl: string, uri: string): Promise<void>;
  /**
   * Where the tabs' reports are kept while the service worker sleeps (storage.session: not
   * readable by content scripts), so the popup still finds a match after a restart.
   */
  savedReports: { load(): Promise<Record<string, TabReport>>; save(reports: Record<string, TabReport>): Promise<void> };
}

export interface TabMatches {
  /** A content script reported the song its tab shows. */
  trackReported(tabId: number, url: string, track: SiteTrack): Promise<void>;
  /** The tab navigated: at another song URL it forgets its song (the tab badges clear the badge). */
  tabUrlChanged(tabId: number, url: string | undefined): Promise<void>;
  tabClosed(tabId: number): Promise<void>;
  get(tabId: number): Promise<TabMatch | null>;
  /** "Not this track": remembered for the song URL, then matched again without it. */
  reject(tabId: number): Promise<TabMatch | null>;
  /** Match every tab again (library changed, signed in or out, strict matching or a site switched). */
  refreshAll(): Promise<void>;
}

interface TabEntry extends TabReport {
  match: TabMatch | null;
}

/**
 * The badge and the popup's "Matched: …" line for tabs on music sites other than Spotify.
 * The match comes from the cache only; nothing here calls Spotify.
 */
export function createTabMatches(deps: TabMatchesDeps): TabMatches {
  const tabs = new Map<number, TabEntry>();
  const restored = deps.savedReports.load().then(
    (reports) => {
      for (const [tabId, report] of Object.entries(reports)) if (!tabs.has(Number(tabId))) tabs.set(Number(tabId), { ...report, match: null });
    },
    () => undefined,
  );

  async function persist(): Promise<void> {
    await deps.savedReports.save(Object.fromEntries([...tabs].map(([tabId, { url, track }]) => [tabId, { url, track }])));
  }

  async function show(tabId: number): Promise<TabMatch | null> {
    const entry = tabs.get(tabId);
    if (!entry) return null;
    if (!(await deps.isOnEnabledSite(entry.url))) {
      tabs.delete(tabId);
      await persist();
      await deps.setBadge(tabId, NO_BADGE);
      return null;
    }
    if (!(await deps.isActive())) {
      entry.match = null;
      await deps.setBadge(tabId, NO_BADGE);
      return null;
    }
    const key = songUrlOf(entry.url);
    const [strict, rejected] = await Promise.all([deps.strictMatching(), deps.rejected(key)]);
    const match = await deps.match(entry.track, { strict, excluded: new Set(rejected) });
    // The tab may have moved on while the library was read.
    if (tabs.get(tabId) !== entry) return null;
    entry.match = match;
    await deps.setBadge(tabId, badgeOf(match));
    return match;
  }

  return {
    async trackReported(tabId, url, track) {
      await restored;
      tabs.set(tabId, { url, track, match: null });
      await persist();
      await show(tabId);
    },
    async tabUrlChanged(tabId, url) {
      await restored;
      const entry = tabs.get(tabId);
      if (!entry || url === undefined || songUrlOf(url) === songUrlOf(entry.url)) return;
      tabs.delete(tabId);
      await persist();
    },
    async tabClosed(tabId) {
      await restored;
      if (tabs.delete(tabId)) await persist();
    },
    async get(tabId) {
      await restored;
      const entry = tabs.get(tabId);
      if (!entry) return null;
      return entry.match ?? show(tabId);
    },
    async reject(tabId) {
      await restored;
      const entry = tabs.get(tabId);
      const uri = entry?.match?.track?.uri;
      if (!entry || !uri) return entry?.match ?? null;
      await deps.reject(songUrlOf(entry.url), uri);
      return show(tabId);
    },
    async refreshAll() {
      await restored;
      await Promise.all([...tabs.keys()].map(show));
    },
  };
}

function quoted(match: TabMatch): string {
  return match.track ? t('badge.songBy', { title: match.track.name, artists: match.track.artists.join(', ') }) : '';
}

/** ✓, ≈ or + as on Spotify's own pages, saying in the title what the page was matched to. */
export function badgeOf(match: TabMatch): Badge {
  switch (match.kind) {
    case 'saved':
      return { ...badgeFor({ kind: 'saved' }), title: t('badge.savedMatch', { song: quoted(match) }) };
    case 'other-version':
      return {
        ...badgeFor({ kind: 'other-version', albumName: match.track?.albumName ?? '' }),
        title: t('badge.otherVersionMatch', { song: quoted(match) }),
      };
    case 'not-saved':
      return badgeFor({ kind: 'not-saved' });
  }
}
