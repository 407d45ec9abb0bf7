import * as v from 'valibot';
import type { AccountRef } from '../settings';
import type { SavedState } from '../tracks/saved-state';

/**
 * The one contract between the extension's pages and its background. Every request is
 * validated by the background before anything runs (SPEC §9); responses are typed per request.
 */

const TrackId = v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{22}$/));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('signIn') }),
  v.strictObject({ type: v.literal('signOut') }),
  /** Start a sync now (a no-op while one runs; refused before a rate-limit window ends). */
  v.strictObject({ type: v.literal('syncNow') }),
  /** The popup opened: sync if the last sync is older than 5 minutes (SPEC §4). */
  v.strictObject({ type: v.literal('popupOpened') }),
  /** Remove the cached library of the last account (SPEC §4). */
  v.strictObject({ type: v.literal('deleteLocalData') }),
  /** The Spotify track a tab shows, with its saved state. */
  v.strictObject({ type: v.literal('getTabTrack'), tabId: TabId }),
  /** Save or remove a track: the cache changes at once and is rolled back if Spotify refuses. */
  v.strictObject({ type: v.literal('setTrackSaved'), trackId: TrackId, saved: v.boolean() }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface TrackDetails {
  name: string;
  artists: string[];
  albumName: string;
  /** Small cover URL, if any. */
  image: string | null;
  durationMs: number;
}

export interface TabTrack {
  trackId: string;
  /** Null when the track is neither cached nor reachable (offline): show it by id. */
  details: TrackDetails | null;
  state: SavedState;
}

export interface ResponseMap {
  signIn: AccountRef;
  signOut: null;
  syncNow: null;
  popupOpened: null;
  deleteLocalData: null;
  getTabTrack: TabTrack | null;
  setTrackSaved: SavedState;
}

export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };
