import type { Extractor } from './extractors';
import { songUrlOf } from './matching/song-url';
import { boundSiteTrack, type SiteTrack } from './site-track';

export interface TabWatcherEnv {
  document: Document;
  location: { readonly href: string };
  /** Called with each new song the tab shows (not again for the same song on the same URL). */
  report(track: SiteTrack): void;
  /** A timer that stops when the extension goes away (the content script passes its context's). */
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Checks at most this often while the page keeps changing. */
const CHECK_INTERVAL_MS = 250;

/**
 * Follows the song a tab shows. YouTube, YouTube Music, SoundCloud, Apple Music, Deezer and
 * TIDAL are single-page apps: they change the URL with the History API and then rewrite the
 * document, each with its own events. One mechanism covers them all: any change to the document
 * schedules a check (at most every 250 ms), and a check reports when the song or its song URL
 * (lib/cross-site/matching/song-url.ts) differs from the last report.
 *
 * The extractors refuse data that names another URL, but markup names none: between the URL
 * change and the new song's rendering, the previous song's header is still there. So at a new
 * song URL the song the previous one was reported with is held back until the tab shows
 * another: a second song URL with the very same song goes unreported (no badge rather than a
 * wrong one). Returns a stop function.
 */
export function watchTab(extract: Extractor, env: TabWatcherEnv): () => void {
  let lastReport = '';
  let lastSongUrl = '';
  let lastTrack = '';
  let scheduled = false;

  function check(): void {
    scheduled = false;
    const url = new URL(env.location.href);
    const found = extract(env.document, url);
    const track = found && boundSiteTrack(found);
    if (!track) return;
    const songUrl = songUrlOf(url.href);
    const song = JSON.stringify(track);
    if (songUrl !== lastSongUrl && song === lastTrack) return;
    const signature = `${songUrl}\n${song}`;
    if (signature === lastReport) return;
    lastReport = signature;
    lastSongUrl = songUrl;
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
