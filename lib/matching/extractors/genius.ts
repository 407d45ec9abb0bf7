import type { PageTrack } from '../page-track';
import { metaContent, readJsonLdRecording, textOf } from './structured-data';

/**
 * Genius song pages (https://genius.com/Artist-title-lyrics). Try on any song from the charts.
 * og:title reads "Artist – Title"; the song header (class names with build hashes, so matched
 * by prefix) is the fallback.
 */
export function extractGenius(doc: Document, url: URL): PageTrack | null {
  if (!/^\/[^/]+-lyrics$/.test(url.pathname)) return null;
  return readJsonLdRecording(doc, url) ?? fromOpenGraph(doc) ?? fromHeader(doc);
}

function fromOpenGraph(doc: Document): PageTrack | null {
  const match = /^(.+?) [–—] (.+)$/.exec(metaContent(doc, 'og:title') ?? '');
  return match ? { title: match[2], artists: [match[1]] } : null;
}

function fromHeader(doc: Document): PageTrack | null {
  const title = textOf(doc, 'h1[class*="SongHeader"]');
  const artist = textOf(doc, '[class*="SongHeader"] a[href*="/artists/"]');
  return title && artist ? { title, artists: [artist] } : null;
}
