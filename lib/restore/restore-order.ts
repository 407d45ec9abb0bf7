import { clipForDisplay } from '../popup/track-links';

/**
 * In what order a restore saves tracks, so that the library comes out in its old order.
 *
 * Spotify stamps a save with the time it is made (`added_at`); nothing in `PUT /me/library`
 * sets it. So the tracks are saved oldest first: the oldest save of the file ends lowest in
 * the list, the newest at the top. One call saves up to 40, all stamped with the same second,
 * and Spotify documents no order within a call; the stand-in lists a call's first URI first,
 * as `GET /me/tracks` lists the newest first, so each call names its tracks newest first.
 */

/** SPEC §1: libraries of 100,000 tracks; a restore takes up to as many. */
export const MAX_RESTORE_TRACKS = 100_000;

/** ISO 8601 with a time, as Spotify, Tracklight and Exportify write `added_at`. */
const SAVED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function isSavedTime(text: string): boolean {
  return SAVED_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/** Longest label kept for the result's list of failures. */
export const LABEL_LIMIT = 200;

/** "Title — Artist, Artist", or the URI when the source names nothing. */
export function trackLabel(name: string, artists: readonly string[], uri: string): string {
  const title = name.trim() || uri;
  const by = artists.filter((artist) => artist.trim() !== '').join(', ');
  return clipForDisplay(by ? `${title} — ${by}` : title, LABEL_LIMIT);
}

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
