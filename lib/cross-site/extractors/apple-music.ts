import type { SiteTrack } from '../site-track';
import { metaContent, readJsonLdRecording } from './structured-data';

/**
 * Apple Music's web player (https://music.apple.com/us/song/SLUG/ID, or a song opened from its
 * album: /us/album/SLUG/ALBUM_ID?i=ID). Try on any song of a chart, and on one from its album.
 *
 * The page describes the song in `<script id=schema:song>`: a `MusicComposition` whose `audio`
 * is the `MusicRecording` (name, artists, duration). og:title "Title by Artist on Apple Music"
 * with `apple:title` holding the title is the fallback. Album, artist and playlist pages name no
 * single song. The app is a single-page app that rewrites its head as it moves: the structured
 * data counts only while the URL it states is this song's. The song header is not read: it
 * names no URL, so nothing tells a header left from the previous page from the current one.
 */
export function extractAppleMusic(doc: Document, url: URL): SiteTrack | null {
  const songId = appleSongId(url);
  if (!songId) return null;
  const isThisUrl = (stated: string) => {
    try {
      return appleSongId(new URL(stated, url)) === songId;
    } catch {
      return false;
    }
  };
  return readJsonLdRecording(doc, url, { isThisUrl }) ?? fromOpenGraph(doc, isThisUrl);
}

/** The song a URL shows: /…/song/SLUG/ID, or /…/album/SLUG/ALBUM_ID?i=ID. */
function appleSongId(url: URL): string | null {
  const song = /^\/[a-z]{2}\/song\/(?:[^/]+\/)?(\d+)\/?$/.exec(url.pathname);
  if (song) return song[1];
  const fromAlbum = /^\/[a-z]{2}\/album\/(?:[^/]+\/)?\d+\/?$/.test(url.pathname) ? url.searchParams.get('i') : null;
  return fromAlbum && /^\d+$/.test(fromAlbum) ? fromAlbum : null;
}

function fromOpenGraph(doc: Document, isThisUrl: (stated: string) => boolean): SiteTrack | null {
  const stated = metaContent(doc, 'og:url');
  const title = metaContent(doc, 'apple:title');
  const ogTitle = metaContent(doc, 'og:title');
  if (metaContent(doc, 'og:type') !== 'music.song' || !stated || !isThisUrl(stated) || !title || !ogTitle) return null;
  const prefix = `${title} by `;
  const suffix = ' on Apple Music';
  if (!ogTitle.startsWith(prefix) || !ogTitle.endsWith(suffix)) return null;
  const artist = ogTitle.slice(prefix.length, -suffix.length).trim();
  return artist ? { title, artists: [artist] } : null;
}
