import type { Extractor } from './extractors';
import { pageKeyOf } from './matching/page-key';
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
 * Follows the song a page shows. YouTube, YouTube Music, SoundCloud, Apple Music, Deezer and
 * TIDAL are single-page apps: they change the URL with the History API and then rewrite the
 * page, each with its own events. One mechanism covers them all: any change to the document
 * schedules a check (at most every 250 ms), and a check reports when the song or the page
 * (its key: lib/cross-site/matching/page-key.ts) differs from the last report.
 *
 * The extractors refuse data that names another URL, but markup names none: between the URL
 * change and the new page's rendering, the previous page's header is still there. So on a new
 * page (another page key) the song the previous page was reported with is held back until the
 * page shows another: a second page with the very same song goes unreported (no badge rather
 * than a wrong one). Returns a stop function.
 */
export function watchPageTrack(extract: Extractor, env: PageWatcherEnv): () => void {
  let lastReport = '';
  let lastPage = '';
  let lastTrack = '';
  let scheduled = false;

  function check(): void {
    scheduled = false;
    const url = new URL(env.location.href);
    const found = extract(env.document, url);
    const track = found && boundPageTrack(found);
    if (!track) return;
    const page = pageKeyOf(url.href);
    const song = JSON.stringify(track);
    if (page !== lastPage && song === lastTrack) return;
    const signature = `${page}\n${song}`;
    if (signature === lastReport) return;
    lastReport = signature;
    lastPage = page;
    lastTrack = song;
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
