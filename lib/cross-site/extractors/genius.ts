import type { SiteTrack } from '../site-track';
import { metaContent, readJsonLdRecording, textOf } from './structured-data';

/**
 * Genius song pages (https://genius.com/Artist-title-lyrics). Try on any song from the charts,
 * and on one with a featured artist. og:title reads "Artist – Title", with featured artists
 * after the artist: "Kendrick Lamar (Ft. Drake) – Poetic Justice"; they become the title's
 * "(feat. Drake)", which the matcher holds to the saved track's credits. The song header (class
 * names with build hashes, so matched by prefix) is the fallback.
 */
export function extractGenius(doc: Document, url: URL): SiteTrack | null {
  if (!/^\/[^/]+-lyrics$/.test(url.pathname)) return null;
  return readJsonLdRecording(doc, url) ?? fromOpenGraph(doc) ?? fromHeader(doc);
}

const OG_TITLE = /^(.+?)(?: \((?:Ft|Feat)\. (.+?)\))? [–—] (.+)$/;

function withFeatured(title: string, featured: string | undefined): string {
  return featured ? `${title} (feat. ${featured})` : title;
}

function fromOpenGraph(doc: Document): SiteTrack | null {
  const match = OG_TITLE.exec(metaContent(doc, 'og:title') ?? '');
  if (!match) return null;
  const [, artist, featured, title] = match;
  return { title: withFeatured(title, featured), artists: [artist] };
}

function fromHeader(doc: Document): SiteTrack | null {
  const title = textOf(doc, 'h1[class*="SongHeader"]');
  const artist = textOf(doc, '[class*="SongHeader"] a[href*="/artists/"]');
  // The header's credits list producers too: only the "Featuring" section credits the recording.
  const featuring = [...doc.querySelectorAll('[class*="HeaderCredits__Section"]')].find((section) => /^featuring/i.test(section.textContent?.trim() ?? ''));
  const featured = [...(featuring?.querySelectorAll('a[href*="/artists/"]') ?? [])].map((link) => link.textContent?.trim()).filter(Boolean);
  return title && artist ? { title: withFeatured(title, featured.join(' & ') || undefined), artists: [artist] } : null;
}
