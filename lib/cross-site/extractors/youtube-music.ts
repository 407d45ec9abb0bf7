import type { SiteTrack } from '../site-track';
import { textOf } from './structured-data';

/**
 * YouTube Music (https://music.youtube.com/watch?v=…): the song playing, which is what a
 * watch page shows. Try on any song from search; a video ("Official Video", a lyrics upload).
 *
 * The page sets the Media Session metadata (title, artist, album) for the system's media
 * controls: structured and always current. The player bar is the fallback. A song has an album;
 * a video has none, and then "artist" is the uploading channel and the title is a video title
 * ("Artist - Title (Lyrics)"), read as on YouTube — as web-scrobbler's connector does.
 */
export function extractYouTubeMusic(doc: Document, url: URL): SiteTrack | null {
  if (url.pathname !== '/watch' || !url.searchParams.get('v')) return null;
  return fromMediaSession(doc) ?? fromPlayerBar(doc);
}

function fromMediaSession(doc: Document): SiteTrack | null {
  const metadata = doc.defaultView?.navigator?.mediaSession?.metadata;
  if (!metadata?.title || !metadata.artist) return null;
  return metadata.album
    ? { title: metadata.title, artists: [metadata.artist] }
    : { title: metadata.title, artists: [metadata.artist], titleMayNameArtist: true };
}

function fromPlayerBar(doc: Document): SiteTrack | null {
  const bar = doc.querySelector('ytmusic-player-bar');
  if (!bar) return null;
  const title = textOf(bar, '.title');
  // The byline links the artists (channel/…), then the album (browse/MPREb_…); a video's, its channel.
  const artists = [...bar.querySelectorAll('.byline a[href*="channel/"]')].map((link) => link.textContent?.trim() ?? '').filter(Boolean);
  if (!title || artists.length === 0) return null;
  return bar.querySelector('.byline a[href*="browse/MPREb"]') ? { title, artists } : { title, artists, titleMayNameArtist: true };
}
