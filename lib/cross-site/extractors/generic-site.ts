import type { SiteTrack } from '../site-track';
import { extractBandcamp, isBandcampDocument } from './bandcamp';
import { metaContent, readJsonLdRecording, sameHostAndPath, secondsToMs } from './structured-data';

/**
 * Any page the user switched on from the popup ("Enable on this site"): a Bandcamp page on an
 * artist's own domain, or a page that describes one song in structured data — schema.org
 * `MusicRecording` JSON-LD, or an Open Graph `music.song` (https://ogp.me/#type_music.song).
 * Nothing else is read: a page without such data shows no song, and a page that lists several
 * recordings (a chart, a playlist) is not one song.
 *
 * Open Graph names the artist only as profile URLs (`music:musician`), so a `music.song` is
 * read with its site as the "uploader", like a video: an artist's own site names itself.
 */
export function extractGenericSite(doc: Document, url: URL): SiteTrack | null {
  if (isBandcampDocument(doc)) return extractBandcamp(doc, url);
  return readJsonLdRecording(doc, url) ?? fromOpenGraphSong(doc, url);
}

function fromOpenGraphSong(doc: Document, url: URL): SiteTrack | null {
  if (metaContent(doc, 'og:type') !== 'music.song') return null;
  const stated = metaContent(doc, 'og:url');
  if (stated && !sameHostAndPath(stated, url)) return null;
  const title = metaContent(doc, 'og:title');
  const musician = metaContent(doc, 'music:musician');
  const named = musician && !/^https?:\/\//.test(musician) ? musician : null;
  const site = metaContent(doc, 'og:site_name');
  if (!title || !(named ?? site)) return null;
  const track: SiteTrack = named ? { title, artists: [named] } : { title, artists: [site!], titleMayNameArtist: true };
  const durationMs = secondsToMs(metaContent(doc, 'music:duration'));
  if (durationMs !== undefined) track.durationMs = durationMs;
  return track;
}
