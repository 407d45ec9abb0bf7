import { browser } from 'wxt/browser';
import { createSiteTrackListener } from '../../messaging/server';
import { appStatusItem, enabledOriginsSetting, enabledSitesSetting, strictMatchingSetting } from '../../storage-items';
import { isOnEnabledSite, type CrossSite } from './cross-site';
import { originsStillGranted, sitesStillGranted } from './site-scripts';

const hasOrigins = (origins: readonly string[]) => browser.permissions.contains({ origins: [...origins] });

/**
 * Wires the browser's events to the cross-site features. Called synchronously when the
 * service worker starts, so the events that wake it reach their listeners.
 */
export function listenForCrossSiteEvents(crossSite: Promise<CrossSite>): void {
  const withCrossSite = (use: (ready: CrossSite) => Promise<unknown>) => void crossSite.then(use).catch((error: unknown) => console.warn('Tracklight:', error));

  browser.runtime.onMessage.addListener(
    createSiteTrackListener(
      async (from, track) => (await crossSite).tabMatches.trackReported(from.tabId, from.url, track),
      browser.runtime.id,
      browser.runtime.getURL('/'),
      isOnEnabledSite,
    ),
  );
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined) withCrossSite((ready) => ready.tabMatches.tabUrlChanged(tabId, tab.url));
  });
  browser.tabs.onRemoved.addListener((tabId) => withCrossSite((ready) => ready.tabMatches.tabClosed(tabId)));

  browser.contextMenus.onClicked.addListener((info) => withCrossSite((ready) => ready.spotifyLinkMenu.clicked(info)));
  // Firefox only: the menu is about to show, so it can say whether the link's track is saved.
  const menus = browser.contextMenus as unknown as {
    onShown?: { addListener(listener: (info: { linkUrl?: string; menuIds: Array<string | number> }) => void): void };
  };
  menus.onShown?.addListener((info) => withCrossSite((ready) => ready.spotifyLinkMenu.shown(info)));

  // A site switched on or off in Options or the popup, or a permission granted or revoked anywhere.
  const switched = () => withCrossSite((ready) => Promise.all([ready.siteScripts.sync(), ready.tabMatches.refreshAll()]));
  enabledSitesSetting.watch(switched);
  enabledOriginsSetting.watch(switched);
  browser.permissions.onAdded.addListener(() => withCrossSite((ready) => ready.siteScripts.sync()));
  browser.permissions.onRemoved.addListener(() =>
    withCrossSite(async (ready) => {
      const sites = await enabledSitesSetting.getValue();
      const grantedSites = await sitesStillGranted(sites, hasOrigins);
      if (grantedSites.length !== sites.length) await enabledSitesSetting.setValue(grantedSites);
      const origins = await enabledOriginsSetting.getValue();
      const grantedOrigins = await originsStillGranted(origins, hasOrigins);
      if (grantedOrigins.length !== origins.length) await enabledOriginsSetting.setValue(grantedOrigins);
      await ready.siteScripts.sync();
    }),
  );

  strictMatchingSetting.watch(() => withCrossSite((ready) => ready.tabMatches.refreshAll()));
  appStatusItem.watch((next, previous) => {
    if (next.libraryVersion !== previous?.libraryVersion || next.signedIn !== previous?.signedIn) {
      withCrossSite((ready) => ready.tabMatches.refreshAll());
    }
  });
}
