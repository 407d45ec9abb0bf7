import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { EXTRACTORS, extractMusicPage } from '../lib/matching/extractors';
import { watchPageTrack } from '../lib/matching/page-watcher';
import { siteOfUrl } from '../lib/matching/sites';

declare global {
  // Set in the content script's own world, which the page cannot see.
  var tracklightWatching: boolean | undefined;
}

/**
 * Reads the song on a music page the user switched on (a site in Options, or any origin from
 * the popup) and tells the background, which sets the badge. Registered at run time for the
 * granted sites and origins only (lib/background/site-scripts.ts): no `matches` here, so WXT
 * adds no host permission. On a known site its own reader runs, anywhere else the generic one.
 * It sends what the page names and receives nothing back.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Injected again into tabs already open when a site is switched on: one watcher is enough.
    if (globalThis.tracklightWatching) return;
    globalThis.tracklightWatching = true;
    const site = siteOfUrl(location.href);
    const stop = watchPageTrack(site ? EXTRACTORS[site.id] : extractMusicPage, {
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
  },
});
