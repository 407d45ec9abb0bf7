import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTRACTORS, extractMusicPage } from './extractors';
import { watchPageTrack } from './page-watcher';
import { siteOfUrl } from './sites';

declare global {
  // Set in the content script's own world, which the page cannot see.
  var tracklightWatching: boolean | undefined;
}

/**
 * The content script's work: read the song on this music page (a known site's own reader, the
 * generic one anywhere else) and tell the background, which sets the badge. It sends what the
 * page names and receives nothing back.
 */
export function reportPageTrack(ctx: ContentScriptContext): void {
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
}
