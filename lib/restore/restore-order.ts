/**
 * In what order a restore saves tracks, so that the library comes out in its old order.
 *
 * Spotify stamps a save with the time it is made (`added_at`); nothing in `PUT /me/library`
 * sets it. So the tracks are saved oldest first: the oldest save of the file ends lowest in
 * the list, the newest at the top. One call saves up to 40, all stamped with the same second,
 * and Spotify documents no order within a call; the stand-in lists a call's first URI first,
 * as `GET /me/tracks` lists the newest first, so each call names its tracks newest first.
 */

/** SPEC §3: `PUT /me/library` and `GET /me/library/contains` take at most 40 URIs. */
export const MAX_URIS_PER_CALL = 40;

/** A track to restore, as a file or the history of removals gives it. */
export interface RestoreCandidate {
  /** `spotify:track:ID`. */
  uri: string;
  /** "Title — Artist", for the result's list of failures. */
  label: string;
  /** When it was saved before (ISO 8601). */
  addedAt: string;
}

/**
 * Oldest save first. Tracks saved in the same second keep their places reversed: exports and
 * the history list the newest first, so the later one in the list is the older.
 */
export function sendingOrder(candidates: readonly RestoreCandidate[]): RestoreCandidate[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, time: Date.parse(candidate.addedAt) }))
    .sort((a, b) => a.time - b.time || b.index - a.index)
    .map(({ candidate }) => candidate);
}

/** The URIs of one call, for tracks in sending order (oldest first): newest first. */
export function callUris(uris: readonly string[]): string {
  return [...uris].reverse().join(',');
}
