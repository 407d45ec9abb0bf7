/**
 * A site track: what a content script reads in a tab on a music site, the song as the site
 * names it, not yet normalized. The background validates it (lib/messaging/protocol.ts) against these limits.
 */
export interface SiteTrack {
  title: string;
  /** The page's artist credits, main artist first; a credit may name several ("A & B"). */
  artists: string[];
  durationMs?: number;
  isrc?: string;
  /** A video title that may be "Artist - Title" (see `Site.titleMayNameArtist`). */
  titleMayNameArtist?: boolean;
}

/** The song a tab shows, as its content script reported it, and the URL it was reported from. */
export interface TabReport {
  url: string;
  track: SiteTrack;
}

export const SITE_TRACK_LIMITS = {
  titleLength: 300,
  artistLength: 200,
  artists: 10,
  /** A day: longer "durations" are not songs. */
  durationMs: 86_400_000,
} as const;

/** Trims and bounds what a page gave, so a hostile page cannot make a message fail validation by size. */
export function boundSiteTrack(track: SiteTrack): SiteTrack | null {
  const title = clip(track.title, SITE_TRACK_LIMITS.titleLength);
  const artists = [...new Set(track.artists.map((artist) => clip(artist, SITE_TRACK_LIMITS.artistLength)))]
    .filter((artist) => artist.length > 0)
    .slice(0, SITE_TRACK_LIMITS.artists);
  if (!title || artists.length === 0) return null;
  const bounded: SiteTrack = { title, artists };
  if (track.durationMs !== undefined && Number.isInteger(track.durationMs) && track.durationMs > 0 && track.durationMs <= SITE_TRACK_LIMITS.durationMs) {
    bounded.durationMs = track.durationMs;
  }
  if (track.isrc !== undefined && ISRC.test(track.isrc)) bounded.isrc = track.isrc.toUpperCase();
  if (track.titleMayNameArtist) bounded.titleMayNameArtist = true;
  return bounded;
}

export const ISRC = /^[A-Za-z]{2}[A-Za-z0-9]{3}\d{7}$/;

/** Direction marks: Apple Music starts its titles with U+200E, YouTube names with U+200F. */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function clip(text: string, length: number): string {
  return text.replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim().slice(0, length).trim();
}
