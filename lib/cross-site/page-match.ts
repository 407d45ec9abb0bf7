/** What a music page was matched to in the library: the answer to `getPageMatch` (lib/messaging/protocol.ts). */

/** A saved track a page was matched to, as the popup's "Matched: …" line shows it. */
export interface MatchedTrack {
  uri: string;
  name: string;
  artists: string[];
  albumName: string;
  /** When it was saved (ISO 8601, as Spotify reports it). */
  addedAt: string;
}

export interface PageMatch {
  /** The song as the page names it. */
  page: { title: string; artists: string[] };
  /** `saved`: this song is in the library; `other-version`: another version of it is (≈). */
  kind: 'saved' | 'other-version' | 'not-saved';
  /** How a saved match was found: same ISRC, same normalized title and artist, or a spelling apart. */
  how: 'isrc' | 'exact' | 'close' | null;
  /** The library track behind `saved` or `other-version`. */
  track: MatchedTrack | null;
  /** Tracks the user said "Not this track" to on this page. */
  rejected: number;
}
