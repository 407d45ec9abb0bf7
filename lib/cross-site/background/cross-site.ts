import { browser } from 'wxt/browser';
import { findSavedTrack, type LibraryDb } from '../../library/store';
import { originOfUrl, siteOfUrl } from '../sites';
import type { RequestHandlers } from '../../messaging/server';
import { enabledOriginsSetting, enabledSitesSetting, matchCorrectionsItem, strictMatchingSetting, tabReportsItem } from '../../storage-items';
import type { Badge } from '../../tracks/saved-state';
import { createSpotifyLinkMenu, type MenusApi, type SpotifyLinkMenu } from '../../background/context-menu';
import { createLibraryMatcher } from './library-matcher';
import { createTabMatches, type TabMatches } from './tab-matches';
import { createSiteScripts, type ScriptingApi, type SiteScripts } from './site-scripts';

/** Song URLs remembered for "Not this track"; the oldest are forgotten beyond this. */
const MAX_CORRECTED_SONG_URLS = 500;

/** Whether a URL is on a music site, or an origin, the user switched on. */
export async function isOnEnabledSite(url: string): Promise<boolean> {
  const site = siteOfUrl(url);
  if (site) return (await enabledSitesSetting.getValue()).includes(site.id);
  const origin = originOfUrl(url);
  return origin !== null && (await enabledOriginsSetting.getValue()).includes(origin);
}

export interface CrossSiteDeps {
  /** The cached library badges read. */
  library(): Promise<LibraryDb | null>;
  isActive(): Promise<boolean>;
  setBadge(tabId: number, badge: Badge): Promise<void>;
  setTrackSaved(trackId: string, saved: boolean): Promise<unknown>;
}

export interface CrossSite {
  handlers: Pick<RequestHandlers, 'getPageMatch' | 'rejectPageMatch'>;
  tabMatches: TabMatches;
  siteScripts: SiteScripts;
  spotifyLinkMenu: SpotifyLinkMenu;
  start(): Promise<void>;
}

/** Issue #9 in the background: saved state on other music sites, and the Spotify-link menu. */
export function createCrossSite(deps: CrossSiteDeps): CrossSite {
  const matcher = createLibraryMatcher({ library: deps.library });
  const tabMatches = createTabMatches({
    match: (track, options) => matcher.match(track, options),
    setBadge: deps.setBadge,
    isActive: deps.isActive,
    isOnEnabledSite: isOnEnabledSite,
    strictMatching: () => strictMatchingSetting.getValue(),
    rejected: async (songUrl) => (await matchCorrectionsItem.getValue())[songUrl] ?? [],
    reject: async (songUrl, uri) => {
      const corrections = await matchCorrectionsItem.getValue();
      const { [songUrl]: earlier = [], ...others } = corrections;
      const kept = Object.entries(others).slice(-(MAX_CORRECTED_SONG_URLS - 1));
      await matchCorrectionsItem.setValue({ ...Object.fromEntries(kept), [songUrl]: [...new Set([...earlier, uri])] });
    },
    savedReports: { load: () => tabReportsItem.getValue(), save: (reports) => tabReportsItem.setValue(reports) },
  });

  const siteScripts = createSiteScripts({
    scripting: () => (browser as { scripting?: ScriptingApi }).scripting,
    hasOrigins: (origins) => browser.permissions.contains({ origins: [...origins] }),
    openTabs: async (matches) => (await browser.tabs.query({ url: [...matches] })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    enabledSites: () => enabledSitesSetting.getValue(),
    enabledOrigins: () => enabledOriginsSetting.getValue(),
  });

  const spotifyLinkMenu = createSpotifyLinkMenu({
    menus: browser.contextMenus as unknown as MenusApi,
    isSaved: async (trackId) => {
      const db = await deps.library();
      return db ? (await findSavedTrack(db, trackId)) !== null : null;
    },
    setTrackSaved: deps.setTrackSaved,
  });

  return {
    handlers: {
      getPageMatch: ({ tabId }) => tabMatches.get(tabId),
      rejectPageMatch: ({ tabId }) => tabMatches.reject(tabId),
    },
    tabMatches,
    siteScripts,
    spotifyLinkMenu,
    async start() {
      // None of these may keep the rest of the background (sign-in, sync) from starting.
      const results = await Promise.allSettled([spotifyLinkMenu.install(), siteScripts.sync(), tabMatches.refreshAll()]);
      for (const result of results) if (result.status === 'rejected') console.warn('Tracklight:', result.reason);
    },
  };
}
