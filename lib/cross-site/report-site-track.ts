import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTRACTORS, extractGenericSite } from './extractors';
import { watchTab } from './tab-watcher';
import { siteOfUrl } from './sites';

declare global {
  // Set in the content script's own world, which the page cannot see.
  var tracklightWatching: boolean | undefined;
}

/**
 * The content script's work: read the song this tab shows (a known site's own reader, the
 * generic one anywhere else) and tell the background, which sets the badge. It sends the site
 * track as the site names it and receives nothing back.
 */
export function reportSiteTrack(ctx: ContentScriptContext): void {
  // Injected again into tabs already open when a site is switched on: one watcher is enough.
  if (globalThis.tracklightWatching) return;
  globalThis.tracklightWatching = true;
  const site = siteOfUrl(location.href);
  const stop = watchTab(site ? EXTRACTORS[site.id] : extractGenericSite, {
    document,
    location,
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    report: (track) => {
      // The background may be starting or gone (extension updated): the next change retries.
      browser.runtime.sendMessage({ type: 'pageTrack', track }).catch(() => undefined);
    },
  });
  ctx.onInvalidated(() => {
    stop();
    globalThis.tracklightWatching = false;
  });
}
