/** What the song in a tab was matched to in the library: the answer to `getPageMatch` (lib/messaging/protocol.ts). */

/** A saved track a tab's song was matched to, as the popup's "Matched: …" line shows it. */
export interface MatchedTrack {
  uri: string;
  name: string;
  artists: string[];
  albumName: string;
  /** When it was saved (ISO 8601, as Spotify reports it). */
  addedAt: string;
}

export interface TabMatch {
  /** The song as the tab's site names it: the popup's "Read as: …". */
  readAs: { title: string; artists: string[] };
  /** `saved`: this song is in the library; `other-version`: another version of it is (≈). */
  kind: 'saved' | 'other-version' | 'not-saved';
  /** How a saved match was found: same ISRC, same normalized title and artist, or a spelling apart. */
  how: 'isrc' | 'exact' | 'close' | null;
  /** The library track behind `saved` or `other-version`. */
  track: MatchedTrack | null;
  /** Tracks the user said "Not this track" to at this song URL (matching/song-url.ts). */
  rejected: number;
}
