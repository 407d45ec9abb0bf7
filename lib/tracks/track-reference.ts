/**
 * Which Spotify track a URL names (SPEC §5): `open.spotify.com/track/ID`,
 * `/intl-xx/track/ID`, `/embed/track/ID` with any query, and `spotify:track:ID`.
 * Anything else — lookalike hosts, encoded slashes, wrong-length ids — names no track.
 */

const TRACK_ID = /^[0-9A-Za-z]{22}$/;
const TRACK_PATH = /^\/(?:intl-[a-z]{2}(?:-[a-z]{2,4})?\/|embed\/)?track\/([0-9A-Za-z]{22})\/?$/i;
/** Longer than any real track URL with tracking parameters; refuse before parsing. */
const MAX_REFERENCE_LENGTH = 2048;

export function isTrackId(value: string): boolean {
  return TRACK_ID.test(value);
}

export function trackUri(trackId: string): string {
  return `spotify:track:${trackId}`;
}

export function trackWebUrl(trackId: string): string {
  return `https://open.spotify.com/track/${trackId}`;
}

/** The track id a tab URL or a `spotify:` URI names, or null. */
export function parseTrackReference(reference: string): string | null {
  if (reference.length > MAX_REFERENCE_LENGTH) return null;
  const uri = /^spotify:track:([0-9A-Za-z]{22})$/.exec(reference);
  if (uri) return uri[1];

  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'open.spotify.com' || url.port || url.username || url.password) {
    return null;
  }
  // `pathname` keeps percent-escapes, so `/track%2FID` fails the pattern as it should.
  return TRACK_PATH.exec(url.pathname)?.[1] ?? null;
}
