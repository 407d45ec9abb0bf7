import type { SiteTrack } from '../site-track';
import { metaContent, readJsonLdRecording, textOf } from './structured-data';

/**
 * Bandcamp track pages (https://ARTIST.bandcamp.com/track/SLUG, and the same pages on an
 * artist's own domain, which the user switches on from the popup). Try on any track of an
 * artist's page, and on a label's compilation.
 *
 * Bandcamp describes the track in JSON-LD (`MusicRecording` with its duration); the name
 * section and "Title, by Artist" in og:title are the fallbacks. In the name section the album
 * link ("from …") comes before the artist link ("by …"). A compilation is by "Various Artists"
 * and titles each track "Artist - Title".
 */
export function extractBandcamp(doc: Document, url: URL): SiteTrack | null {
  if (!url.pathname.startsWith('/track/')) return null;
  const track = readJsonLdRecording(doc, url) ?? fromNameSection(doc) ?? fromOpenGraph(doc);
  return track && withCompilationArtist(track);
}

/** Whether a page on some other domain is a Bandcamp track page (an artist's own domain). */
export function isBandcampDocument(doc: Document): boolean {
  return doc.querySelector('#name-section') !== null && doc.querySelector('meta[name="bc-page-properties"], script[src*=".bcbits.com/"]') !== null;
}

function fromNameSection(doc: Document): SiteTrack | null {
  const title = textOf(doc, '#name-section .trackTitle');
  const byLinks = [...doc.querySelectorAll('#name-section h3 a')].filter((link) => !/\/album\//.test(link.getAttribute('href') ?? ''));
  const artist = byLinks.at(-1)?.textContent?.trim();
  return title && artist ? { title, artists: [artist] } : null;
}

function fromOpenGraph(doc: Document): SiteTrack | null {
  const match = /^(.+), by (.+)$/.exec(metaContent(doc, 'og:title') ?? '');
  return match ? { title: match[1], artists: [match[2]] } : null;
}

const VARIOUS_ARTISTS = /^variou?s(?: artists?)?$/i;
const ARTIST_TITLE = /^(.+?) [-–|] (.+)$/;

function withCompilationArtist(track: SiteTrack): SiteTrack {
  const split = VARIOUS_ARTISTS.test(track.artists[0]) ? ARTIST_TITLE.exec(track.title) : null;
  return split ? { ...track, title: split[2], artists: [split[1]] } : track;
}
