import type { ListedTrack } from './listed-track';
import { trackUri, trackWebUrl } from '../tracks/track-reference';

/** `openTracksInSetting`: the web player, or the desktop app through its `spotify:` scheme. */
export type OpenTracksIn = 'web' | 'app';

type LinkedTrack = Pick<ListedTrack, 'id' | 'uri' | 'name' | 'artists'>;

/**
 * Where Enter or a click on a result sends the user. A local file has no Spotify page, so it
 * opens a Spotify search for its title and artists instead.
 */
export function trackOpenUrl(track: LinkedTrack, openIn: OpenTracksIn): string {
  if (track.id !== null) return openIn === 'app' ? trackUri(track.id) : trackWebUrl(track.id);
  const terms = [track.name, ...track.artists.map((artist) => artist.name)].join(' ').trim();
  return openIn === 'app' ? `spotify:search:${encodeURIComponent(terms)}` : `https://open.spotify.com/search/${encodeURIComponent(terms)}`;
}

/** What "copy link" copies: the shareable web address, or a local file's `spotify:local:` URI. */
export function trackShareLink(track: LinkedTrack): string {
  return track.id !== null ? trackWebUrl(track.id) : track.uri;
}

/**
 * Longer than a popup line can show. Display text is cut here before it is highlighted or
 * rendered: a 100,000-character title would otherwise be folded for highlighting on every
 * keystroke, and the rest is behind the ellipsis anyway.
 */
export const DISPLAY_TEXT_LIMIT = 300;

/** `text` cut to `limit` UTF-16 units without splitting a surrogate pair. */
export function clipForDisplay(text: string, limit = DISPLAY_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const lastCode = text.charCodeAt(limit - 1);
  const end = lastCode >= 0xd800 && lastCode <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}
