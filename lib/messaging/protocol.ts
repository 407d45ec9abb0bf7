import * as v from 'valibot';
import type { TabMatch } from '../cross-site/tab-match';
import { ISRC, SITE_TRACK_LIMITS } from '../cross-site/site-track';
import { isSavedTime, LABEL_LIMIT, MAX_RESTORE_TRACKS } from '../restore/restore-order';
import type { AccountRef } from '../storage-items';
import type { RestoreStatus } from '../status';
import type { SavedState } from '../tracks/saved-state';

/**
 * The one contract between the extension's pages and its background. Every request is
 * validated by the background before anything runs (SPEC §9); responses are typed per request.
 */

const TrackId = v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{22}$/));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const TrackUri = v.pipe(v.string(), v.regex(/^spotify:track:[0-9A-Za-z]{22}$/));
const TrackUris = v.pipe(v.array(TrackUri), v.minLength(1), v.maxLength(MAX_RESTORE_TRACKS));
const RestoreTrack = v.strictObject({
  uri: TrackUri,
  label: v.pipe(v.string(), v.maxLength(LABEL_LIMIT + 1)),
  addedAt: v.pipe(v.string(), v.maxLength(40), v.check(isSavedTime, 'not a time')),
});

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
  /** What the music page in a tab (YouTube, Bandcamp …) was matched to in the library. */
  v.strictObject({ type: v.literal('getPageMatch'), tabId: TabId }),
  /** "Not this track": forget the tab's match for that page, for good, and match again. */
  v.strictObject({ type: v.literal('rejectPageMatch'), tabId: TabId }),
  /** An export's tracks: which are saved on Spotify now (the import summary; sends nothing else). */
  v.strictObject({ type: v.literal('checkImport'), uris: TrackUris }),
  /** Restore these tracks of an export, oldest save first (SPEC §1 item 6). */
  v.strictObject({
    type: v.literal('restoreFromFile'),
    fileName: v.pipe(v.string(), v.maxLength(255)),
    tracks: v.pipe(v.array(RestoreTrack), v.minLength(1), v.maxLength(MAX_RESTORE_TRACKS)),
  }),
  /** Restore these tracks of the "Removed from Spotify" view. */
  v.strictObject({ type: v.literal('restoreRemoved'), uris: TrackUris }),
  v.strictObject({ type: v.literal('pauseRestore') }),
  v.strictObject({ type: v.literal('resumeRestore') }),
  v.strictObject({ type: v.literal('cancelRestore') }),
  /** Forget a finished restore once its result was seen. */
  v.strictObject({ type: v.literal('dismissRestore') }),
  /** The restore as it stands; one a stopped worker left carries on. */
  v.strictObject({ type: v.literal('getRestoreStatus') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;

const SiteText = (maxLength: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(maxLength));

/**
 * The one message a content script may send (SPEC §9): the song a music page shows, as the
 * page names it. Accepted only from the top frame of a tab on a site the user switched on;
 * never answered with anything (server.ts). Bounded so a hostile page cannot make it costly.
 */
export const SiteTrackMessageSchema = v.strictObject({
  type: v.literal('pageTrack'),
  track: v.strictObject({
    title: SiteText(SITE_TRACK_LIMITS.titleLength),
    artists: v.pipe(v.array(SiteText(SITE_TRACK_LIMITS.artistLength)), v.minLength(1), v.maxLength(SITE_TRACK_LIMITS.artists)),
    durationMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SITE_TRACK_LIMITS.durationMs))),
    isrc: v.optional(v.pipe(v.string(), v.regex(ISRC))),
    titleMayNameArtist: v.optional(v.literal(true)),
  }),
});

export type SiteTrackMessage = v.InferOutput<typeof SiteTrackMessageSchema>;
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
  getPageMatch: TabMatch | null;
  rejectPageMatch: TabMatch | null;
  checkImport: boolean[];
  restoreFromFile: RestoreStatus;
  restoreRemoved: RestoreStatus;
  pauseRestore: RestoreStatus | null;
  resumeRestore: RestoreStatus | null;
  cancelRestore: RestoreStatus | null;
  dismissRestore: null;
  getRestoreStatus: RestoreStatus | null;
}

export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };
