import type { PageTrack } from '../page-track';
import { metaContent, parseIsoDuration, readJsonLdRecording, samePage, textOf } from './structured-data';

/**
 * SoundCloud track pages (https://soundcloud.com/USER/TRACK). Try on any track of an artist's
 * profile. Uploaders often title tracks "Artist - Title", so the title may name the artist.
 *
 * A single-page app: the og: tags count only while og:url names the page in the URL; the
 * listen hero is read otherwise.
 */
const NOT_TRACKS = new Set(['sets', 'tracks', 'albums', 'likes', 'reposts', 'followers', 'following', 'popular-tracks', 'comments', 'spotlight']);
const NOT_USERS = new Set(['discover', 'stream', 'you', 'search', 'upload', 'charts', 'pages', 'jobs', 'settings', 'messages', 'notifications', 'people', 'terms-of-use']);

export function extractSoundCloud(doc: Document, url: URL): PageTrack | null {
  const [user, track, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!user || !track || rest.length > 0 || NOT_USERS.has(user) || NOT_TRACKS.has(track)) return null;
  return readJsonLdRecording(doc, url) ?? fromOpenGraph(doc, url) ?? fromHero(doc);
}

function fromOpenGraph(doc: Document, url: URL): PageTrack | null {
  const stated = metaContent(doc, 'og:url');
  if (metaContent(doc, 'og:type') !== 'music.song' || !stated || !samePage(stated, url)) return null;
  const title = metaContent(doc, 'og:title');
  const artist = metaContent(doc, 'twitter:audio:artist_name');
  if (!title || !artist) return null;
  const track: PageTrack = { title, artists: [artist], titleMayNameArtist: true };
  const durationMs = parseIsoDuration(metaContent(doc, 'duration'));
  if (durationMs !== undefined) track.durationMs = durationMs;
  return track;
}

function fromHero(doc: Document): PageTrack | null {
  const title = textOf(doc, '.fullHero .soundTitle__title');
  const artist = textOf(doc, '.fullHero .soundTitle__username');
  return title && artist ? { title, artists: [artist], titleMayNameArtist: true } : null;
}
