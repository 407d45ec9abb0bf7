import type { SiteTrack } from '../site-track';
import { isObject, metaContent, readAssignedJson, readJsonLdRecording, textOf, type JsonObject } from './structured-data';

/**
 * SoundCloud track pages (https://soundcloud.com/USER/TRACK, and the mobile site's
 * https://m.soundcloud.com/USER/TRACK). Try on any track of an artist's profile, and on a
 * label's upload. Uploaders often title tracks "Artist - Title", so the title may name the artist.
 *
 * Most reliable first: the "sound" the page hydrates its app with (`window.__sc_hydration`:
 * title, uploader, the publisher's artist and ISRC, duration); the Open Graph tags with the
 * document title "Stream TITLE by USER | Listen online for free on SoundCloud" (real pages have
 * no `twitter:audio:artist_name`); then the listen hero, whose username link also holds the
 * verified badge (`<svg><title>Verified</title>`), left out of the name.
 *
 * A single-page app: the hydration data and og: tags count only while they name the page in
 * the URL (the mobile site's og:url names the desktop URL); the listen hero is read otherwise.
 */
const NOT_TRACKS = new Set(['sets', 'tracks', 'albums', 'likes', 'reposts', 'followers', 'following', 'popular-tracks', 'comments', 'spotlight']);
const NOT_USERS = new Set([
  'discover',
  'stream',
  'you',
  'search',
  'upload',
  'charts',
  'pages',
  'jobs',
  'settings',
  'messages',
  'notifications',
  'people',
  'terms-of-use',
]);
const SOUNDCLOUD_HOSTS = new Set(['soundcloud.com', 'm.soundcloud.com']);

export function extractSoundCloud(doc: Document, url: URL): SiteTrack | null {
  const [user, track, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!user || !track || rest.length > 0 || NOT_USERS.has(user) || NOT_TRACKS.has(track)) return null;
  const isThisUrl = (stated: string) => sameTrack(stated, url);
  return fromHydration(doc, isThisUrl) ?? readJsonLdRecording(doc, url, { isThisUrl }) ?? fromOpenGraph(doc, isThisUrl) ?? fromHero(doc);
}

/** The same track, on the desktop or the mobile site. */
function sameTrack(stated: string, documentUrl: URL): boolean {
  try {
    const url = new URL(stated, documentUrl);
    return SOUNDCLOUD_HOSTS.has(url.hostname) && url.pathname.replace(/\/$/, '').toLowerCase() === documentUrl.pathname.replace(/\/$/, '').toLowerCase();
  } catch {
    return false;
  }
}

function fromHydration(doc: Document, isThisUrl: (stated: string) => boolean): SiteTrack | null {
  const hydration = readAssignedJson(doc, 'window.__sc_hydration');
  if (!Array.isArray(hydration)) return null;
  const sound = hydration.find((entry): entry is { data: JsonObject } => isObject(entry) && entry.hydratable === 'sound' && isObject(entry.data))?.data;
  if (!sound || typeof sound.permalink_url !== 'string' || !isThisUrl(sound.permalink_url) || typeof sound.title !== 'string') return null;
  const publisher = isObject(sound.publisher_metadata) ? sound.publisher_metadata : {};
  const uploader = isObject(sound.user) && typeof sound.user.username === 'string' ? sound.user.username : null;
  const artist = typeof publisher.artist === 'string' && publisher.artist.trim() ? publisher.artist : uploader;
  if (!artist) return null;
  const found: SiteTrack = { title: sound.title, artists: [artist], titleMayNameArtist: true };
  if (typeof sound.duration === 'number') found.durationMs = sound.duration;
  if (typeof publisher.isrc === 'string') found.isrc = publisher.isrc;
  return found;
}

const DOCUMENT_TITLE = /^Stream (.+) by (.+) \| Listen online for free on SoundCloud$/;

function fromOpenGraph(doc: Document, isThisUrl: (stated: string) => boolean): SiteTrack | null {
  const stated = metaContent(doc, 'og:url');
  if (metaContent(doc, 'og:type') !== 'music.song' || !stated || !isThisUrl(stated)) return null;
  const title = metaContent(doc, 'og:title');
  if (!title) return null;
  const named = DOCUMENT_TITLE.exec(doc.title.trim());
  const artist = named && named[1] === title ? named[2] : metaContent(doc, 'twitter:audio:artist_name');
  return artist ? { title, artists: [artist], titleMayNameArtist: true } : null;
}

function fromHero(doc: Document): SiteTrack | null {
  const title = textOf(doc, '.soundTitle__titleHeroContainer .soundTitle__title, .fullHero .soundTitle__title');
  const artist = textOf(doc, '.soundTitle__usernameHeroContainer .soundTitle__username, .fullHero .soundTitle__username');
  return title && artist ? { title, artists: [artist], titleMayNameArtist: true } : null;
}
