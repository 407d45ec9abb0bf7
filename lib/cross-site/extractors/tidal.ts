import type { SiteTrack } from '../site-track';
import { metaContent, readJsonLdRecording, sameHostAndPath, textOf } from './structured-data';

/**
 * TIDAL track pages (https://tidal.com/browse/track/ID, https://tidal.com/track/ID, and the
 * older web player's https://listen.tidal.com/track/ID). Try on any track of an album.
 *
 * JSON-LD `MusicRecording` where the page has one; then the page header: the title
 * (`h1[data-test=entity-title]`) and the artist links beside it — the footer player links the
 * artists of whatever is playing with the same `data-test` value, so only the main content is
 * read; then og:title "Title by Artists on TIDAL" while og:url names this page.
 */
const TRACK_PATH = /^(?:\/browse)?\/track\/(\d+)(?:\/u)?\/?$/;
const OG_TITLE = /^(.+) by (.+) on TIDAL$/;

export function extractTidal(doc: Document, url: URL): SiteTrack | null {
  if (!TRACK_PATH.test(url.pathname)) return null;
  return readJsonLdRecording(doc, url, { isThisUrl: (stated) => sameTrack(stated, url) }) ?? fromHeader(doc) ?? fromOpenGraph(doc, url);
}

function sameTrack(stated: string, url: URL): boolean {
  try {
    return TRACK_PATH.exec(new URL(stated, url).pathname)?.[1] === TRACK_PATH.exec(url.pathname)?.[1];
  } catch {
    return false;
  }
}

function fromHeader(doc: Document): SiteTrack | null {
  const main = doc.querySelector('main');
  if (!main) return null;
  const title = textOf(main, 'h1[data-test="entity-title"]');
  const artists = [...main.querySelectorAll('a[data-test="grid-item-detail-text-title-artist"]')]
    .filter((link) => !link.closest('#footerPlayer'))
    .map((link) => link.textContent?.trim() ?? '')
    .filter(Boolean);
  return title && artists.length > 0 ? { title, artists } : null;
}

function fromOpenGraph(doc: Document, url: URL): SiteTrack | null {
  const stated = metaContent(doc, 'og:url');
  const match = OG_TITLE.exec(metaContent(doc, 'og:title') ?? '');
  return stated && sameHostAndPath(stated, url) && match ? { title: match[1], artists: [match[2]] } : null;
}
