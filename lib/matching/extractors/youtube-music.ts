import type { PageTrack } from '../page-track';
import { textOf } from './structured-data';

/**
 * YouTube Music (https://music.youtube.com/watch?v=…): the song playing, which is what a
 * watch page shows. Try on any song from search; a video ("Official Video") plays too.
 *
 * The page sets the Media Session metadata (title, artist) for the system's media controls:
 * structured and always current. The player bar is the fallback.
 */
export function extractYouTubeMusic(doc: Document, url: URL): PageTrack | null {
  if (url.pathname !== '/watch' || !url.searchParams.get('v')) return null;
  return fromMediaSession(doc) ?? fromPlayerBar(doc);
}

function fromMediaSession(doc: Document): PageTrack | null {
  const metadata = doc.defaultView?.navigator?.mediaSession?.metadata;
  if (!metadata?.title || !metadata.artist) return null;
  return { title: metadata.title, artists: [metadata.artist] };
}

function fromPlayerBar(doc: Document): PageTrack | null {
  const bar = doc.querySelector('ytmusic-player-bar');
  if (!bar) return null;
  const title = textOf(bar, '.title');
  // The byline links the artists (channel/…), then the album (browse/…).
  const artists = [...bar.querySelectorAll('.byline a[href*="channel/"]')]
    .map((link) => link.textContent?.trim() ?? '')
    .filter(Boolean);
  return title && artists.length > 0 ? { title, artists } : null;
}
