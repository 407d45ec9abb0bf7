import type { PageTrack } from '../page-track';
import { metaContent, parseIsoDuration, readJsonLdRecording, textOf } from './structured-data';

/**
 * YouTube watch pages (https://www.youtube.com/watch?v=…). Try on an official video
 * ("Queen - Bohemian Rhapsody"), an "Artist - Topic" upload, a lyrics channel.
 *
 * YouTube is a single-page app that leaves the first video's meta tags in place as it moves
 * on: the meta tags count only while they name the video in the URL, and the markup only once
 * `ytd-watch-flexy` has switched to it.
 */
export function extractYouTube(doc: Document, url: URL): PageTrack | null {
  const videoId = url.pathname === '/watch' ? url.searchParams.get('v') : null;
  if (!videoId) return null;
  return readJsonLdRecording(doc, url) ?? fromMusicCard(doc, videoId) ?? fromMeta(doc, videoId) ?? fromMarkup(doc, videoId);
}

function showsVideo(doc: Document, videoId: string): boolean {
  return doc.querySelector('ytd-watch-flexy')?.getAttribute('video-id') === videoId;
}

/** The "Music" card YouTube adds under videos it recognises: song and artist as such. */
function fromMusicCard(doc: Document, videoId: string): PageTrack | null {
  if (!showsVideo(doc, videoId)) return null;
  const card = doc.querySelector('ytd-watch-metadata yt-video-attribute-view-model');
  if (!card) return null;
  const title = textOf(card, '.yt-video-attribute-view-model__title');
  const artist = textOf(card, '.yt-video-attribute-view-model__subtitle');
  return title && artist ? { title, artists: [artist] } : null;
}

function fromMeta(doc: Document, videoId: string): PageTrack | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, 'og:url');
  if (!canonical?.includes(`v=${videoId}`)) return null;
  const title = metaContent(doc, 'og:title') ?? metaContent(doc, 'title');
  const channel = doc.querySelector('[itemprop="author"] [itemprop="name"]')?.getAttribute('content')?.trim();
  if (!title || !channel) return null;
  const track: PageTrack = { title, artists: [channel], titleMayNameArtist: true };
  const durationMs = parseIsoDuration(metaContent(doc, 'duration'));
  if (durationMs !== undefined) track.durationMs = durationMs;
  return track;
}

function fromMarkup(doc: Document, videoId: string): PageTrack | null {
  if (!showsVideo(doc, videoId)) return null;
  const title = textOf(doc, 'ytd-watch-metadata h1');
  const channel = textOf(doc, 'ytd-watch-metadata ytd-channel-name a');
  return title && channel ? { title, artists: [channel], titleMayNameArtist: true } : null;
}
