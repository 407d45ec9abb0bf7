import type { Extractor } from './extractors';
import { boundPageTrack, type PageTrack } from './page-track';

export interface PageWatcherEnv {
  document: Document;
  location: { readonly href: string };
  /** Called with each new song the page shows (not again for the same song on the same URL). */
  report(track: PageTrack): void;
  /** A timer that stops when the extension goes away (the content script passes its context's). */
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Checks at most this often while the page keeps changing. */
const CHECK_INTERVAL_MS = 250;

/**
 * Follows the song a page shows. YouTube, YouTube Music and SoundCloud are single-page apps:
 * they change the URL with the History API and then rewrite the page, each with its own
 * events. One mechanism covers them all: any change to the document schedules a check (at most
 * every 250 ms), and a check reports when the song or the URL differs from the last report.
 * The extractors themselves refuse data that belongs to the previous URL. Returns a stop function.
 */
export function watchPageTrack(extract: Extractor, env: PageWatcherEnv): () => void {
  let lastReport = '';
  let scheduled = false;

  function check(): void {
    scheduled = false;
    const url = new URL(env.location.href);
    const found = extract(env.document, url);
    const track = found && boundPageTrack(found);
    if (!track) return;
    const signature = `${url.href}\n${JSON.stringify(track)}`;
    if (signature === lastReport) return;
    lastReport = signature;
    env.report(track);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    env.setTimeout(check, CHECK_INTERVAL_MS);
  }

  const observer = new (env.document.defaultView?.MutationObserver ?? MutationObserver)(schedule);
  observer.observe(env.document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  check();
  return () => observer.disconnect();
}
