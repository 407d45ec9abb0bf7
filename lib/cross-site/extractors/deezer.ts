import type { SiteTrack } from '../site-track';
import { isObject, readAssignedJson, secondsToMs } from './structured-data';

/**
 * Deezer track pages (https://www.deezer.com/track/ID, and under a language: /us/track/ID,
 * /fr/track/ID …). Try on any track of an album; Deezer keeps versions apart from titles
 * ("Bohemian Rhapsody" + "(Remastered 2011)").
 *
 * The page starts its app from `window.__DZR_APP_STATE__`, whose DATA is the track: title,
 * version, artists, duration (seconds) and ISRC. og:title is the title alone and the artist a
 * URL (`music:musician`); the document title "Artist - Title: listen with lyrics | Deezer" (in
 * the page's language) is the fallback, and the one the app keeps current as it moves between
 * tracks, leaving the first track's state behind.
 */
const TRACK_PATH = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/track\/(\d+)\/?$/;
const DOCUMENT_TITLE = /^(.+?) - (.+?) ?: [^:|]+\| Deezer$/;

export function extractDeezer(doc: Document, url: URL): SiteTrack | null {
  const trackId = TRACK_PATH.exec(url.pathname)?.[1];
  if (!trackId) return null;
  return fromAppState(doc, trackId) ?? fromDocumentTitle(doc);
}

function fromAppState(doc: Document, trackId: string): SiteTrack | null {
  const state = readAssignedJson(doc, 'window.__DZR_APP_STATE__');
  const data = isObject(state) && isObject(state.DATA) ? state.DATA : null;
  if (data?.__TYPE__ !== 'song' || String(data.SNG_ID) !== trackId || typeof data.SNG_TITLE !== 'string') return null;
  const version = typeof data.VERSION === 'string' ? data.VERSION.trim() : '';
  const listed = Array.isArray(data.ARTISTS)
    ? data.ARTISTS.flatMap((artist) => (isObject(artist) && typeof artist.ART_NAME === 'string' ? [artist.ART_NAME] : []))
    : [];
  const artists = listed.length > 0 ? listed : typeof data.ART_NAME === 'string' ? [data.ART_NAME] : [];
  if (artists.length === 0) return null;
  const track: SiteTrack = { title: version ? `${data.SNG_TITLE} ${version}` : data.SNG_TITLE, artists };
  const durationMs = secondsToMs(data.DURATION as string | number | undefined);
  if (durationMs !== undefined) track.durationMs = durationMs;
  if (typeof data.ISRC === 'string' && data.ISRC) track.isrc = data.ISRC;
  return track;
}

function fromDocumentTitle(doc: Document): SiteTrack | null {
  const match = DOCUMENT_TITLE.exec(doc.title.trim());
  return match ? { title: match[2], artists: [match[1]] } : null;
}
