import type { PageTrack } from '../page-track';
import { metaContent, readJsonLdRecording, textOf } from './structured-data';

/**
 * Bandcamp track pages (https://ARTIST.bandcamp.com/track/SLUG). Try on any track of an
 * artist's page. Bandcamp describes the track in JSON-LD (`MusicRecording` with its duration);
 * the name section and "Title, by Artist" in og:title are the fallbacks.
 */
export function extractBandcamp(doc: Document, url: URL): PageTrack | null {
  if (!url.pathname.startsWith('/track/')) return null;
  return readJsonLdRecording(doc, url) ?? fromNameSection(doc) ?? fromOpenGraph(doc);
}

function fromNameSection(doc: Document): PageTrack | null {
  const title = textOf(doc, '#name-section .trackTitle');
  const artist = textOf(doc, '#name-section [itemprop="byArtist"] a') ?? textOf(doc, '#name-section h3 span a');
  return title && artist ? { title, artists: [artist] } : null;
}

function fromOpenGraph(doc: Document): PageTrack | null {
  const match = /^(.+), by (.+)$/.exec(metaContent(doc, 'og:title') ?? '');
  return match ? { title: match[1], artists: [match[2]] } : null;
}
