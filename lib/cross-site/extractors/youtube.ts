import { foldText } from '../../search/fold';
import type { SiteTrack } from '../site-track';
import { splitTitle } from '../matching/title-parts';
import { metaContent, parseIsoDuration, readJsonLdRecording, textOf, visibleText } from './structured-data';

/**
 * YouTube watch pages (https://www.youtube.com/watch?v=…, and https://m.youtube.com/watch?v=…).
 * Try on an official video ("Queen - Bohemian Rhapsody"), an "Artist - Topic" upload, a lyrics
 * channel, a vlog with background music.
 *
 * What the page says about the song, most reliable first: the "Music" card YouTube adds to the
 * description of videos it recognises (class names camel-case since 2025:
 * `ytVideoAttributeViewModelTitle`), taken only when it agrees with the video's title — a vlog's
 * card names the background music, not the video; the "Provided to YouTube by" block of Topic
 * uploads ("Title · Artist"); then the video title and channel, read as a video title.
 *
 * YouTube is a single-page app that leaves the first video's meta tags in place as it moves
 * on: the meta tags count only while they name the video in the URL, and the markup only once
 * it shows that video (`ytd-watch-flexy[video-id]`; on the mobile site, the player's thumbnail).
 */
export function extractYouTube(doc: Document, url: URL): SiteTrack | null {
  const videoId = url.pathname === '/watch' ? url.searchParams.get('v') : null;
  if (!videoId) return null;
  const video = currentVideo(doc, videoId);
  if (!video) return null;
  return readJsonLdRecording(doc, url) ?? fromMusicCard(doc, video.title) ?? fromArtTrack(video) ?? videoReading(video);
}

interface Video {
  title: string;
  channel: string;
  description: string | null;
  durationMs?: number;
}

function metaNamesVideo(doc: Document, videoId: string): boolean {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, 'og:url');
  return canonical !== null && new URL(canonical, 'https://www.youtube.com').searchParams.get('v') === videoId;
}

function currentVideo(doc: Document, videoId: string): Video | null {
  const fromHead = metaNamesVideo(doc, videoId);
  const flexy = [...doc.querySelectorAll('ytd-watch-flexy')].find((element) => element.getAttribute('video-id') === videoId);
  const metadata = flexy?.querySelector('ytd-watch-metadata');
  const video = flexy ? (metadata ? desktopVideo(metadata) : null) : mobileVideo(doc, videoId, fromHead);
  const fromMeta = fromHead ? headVideo(doc) : null;
  const chosen = video ?? fromMeta;
  if (!chosen) return null;
  // The microformat's duration is the first video's: only while the head names this one.
  if (fromMeta?.durationMs !== undefined) chosen.durationMs = fromMeta.durationMs;
  return chosen;
}

function desktopVideo(metadata: Element): Video | null {
  const title = textOf(metadata, 'h1');
  const channel = textOf(metadata, 'ytd-channel-name a');
  if (!title || !channel) return null;
  return { title, channel, description: descriptionOf(metadata.querySelector('#description-inline-expander, #description')) };
}

/** m.youtube.com: no `ytd-watch-flexy`; the player's cued thumbnail names the video it holds. */
function mobileVideo(doc: Document, videoId: string, headNamesVideo: boolean): Video | null {
  const section = doc.querySelector('ytm-slim-video-metadata-section-renderer');
  if (!section) return null;
  const playerShowsVideo = [...doc.querySelectorAll('#player [style*="/vi/"], #player img[src*="/vi/"]')].some((element) =>
    `${element.getAttribute('style') ?? ''} ${element.getAttribute('src') ?? ''}`.includes(`/vi/${videoId}/`),
  );
  if (!playerShowsVideo && !headNamesVideo) return null;
  const title = textOf(section, '.slim-video-information-title');
  const channel = textOf(section, '.slim-owner-channel-name');
  return title && channel ? { title, channel, description: null } : null;
}

function headVideo(doc: Document): Video | null {
  const title = metaContent(doc, 'og:title') ?? metaContent(doc, 'title');
  const channel = doc.querySelector('[itemprop="author"] [itemprop="name"]')?.getAttribute('content')?.trim();
  if (!title || !channel) return null;
  const video: Video = { title, channel, description: null };
  const durationMs = parseIsoDuration(metaContent(doc, 'duration'));
  if (durationMs !== undefined) video.durationMs = durationMs;
  return video;
}

function descriptionOf(element: Element | null): string | null {
  return element?.textContent?.trim() || null;
}

/** Folded words, with every bracket and mark between them a word break ("Pretender［Official Video］"). */
function words(text: string): string {
  return foldText(text.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/**
 * Whether a card's or a description's song is the one the video's title names: the song's
 * words, without its brackets ("Bohemian Rhapsody (Live Aid)"), appear in the title as words.
 */
function agreesWithTitle(songTitle: string, videoTitle: string): boolean {
  const song = words(splitTitle(songTitle).pieces.join(' '));
  return song.length > 0 && ` ${words(videoTitle)} `.includes(` ${song} `);
}

/**
 * The "Music" cards of the description (in the DOM twice: the description and its engagement
 * panel), old and 2025 class names; the first whose song the video title names.
 */
function fromMusicCard(doc: Document, videoTitle: string): SiteTrack | null {
  for (const card of doc.querySelectorAll('ytd-app yt-video-attribute-view-model, ytm-app yt-video-attribute-view-model')) {
    const title = textOf(card, '.ytVideoAttributeViewModelTitle, .yt-video-attribute-view-model__title');
    const subtitle = card.querySelector('.ytVideoAttributeViewModelSubtitle, .yt-video-attribute-view-model__subtitle');
    const artist = subtitle && visibleText(subtitle);
    if (title && artist && agreesWithTitle(title, videoTitle)) return { title, artists: [artist] };
  }
  return null;
}

/**
 * Topic channels' "Art Tracks": "Provided to YouTube by LABEL", a blank line, then
 * "Title · Artist · Featured artist", the album, … "Auto-generated by YouTube."
 */
function fromArtTrack(video: Video): SiteTrack | null {
  if (!video.description?.startsWith('Provided to YouTube by')) return null;
  const line = video.description
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.includes(' · '));
  const [title, ...artists] = line?.split(' · ').map((part) => part.trim()) ?? [];
  if (!title || artists.length === 0 || !agreesWithTitle(title, video.title)) return null;
  return { title, artists };
}

function videoReading(video: Video): SiteTrack {
  const track: SiteTrack = { title: video.title, artists: [video.channel], titleMayNameArtist: true };
  if (video.durationMs !== undefined) track.durationMs = video.durationMs;
  return track;
}
