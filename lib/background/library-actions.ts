import { t } from '../i18n';
import { spotifyTimestamp } from '../format';
import { applyLocalRemove, applyLocalSave, findSavedTrack, undoLocalRemove, undoLocalSave, type LibraryDb } from '../library/store';
import type { StoredTrack } from '../tracks/stored-track';
import type { TabTrack, TrackDetails as TabTrackDetails } from '../messaging/protocol';
import type { SpotifyApi } from '../spotify/api-client';
import { NotSignedInError } from '../spotify/errors';
import type { TrackDetails, TrackDetailsCache } from '../spotify/track-details';
import type { SavedState } from '../tracks/saved-state';
import { parseTrackReference, trackUri } from '../tracks/track-reference';
import * as endpoints from '../spotify/endpoints';

export interface LibraryActionsDeps {
  api: SpotifyApi;
  trackDetails: TrackDetailsCache;
  /** The signed-in account's library, or null when signed out. */
  signedInLibrary(): Promise<LibraryDb | null>;
  /** The library the pages read (also after sign-out). */
  readableLibrary(): Promise<LibraryDb | null>;
  resolveSavedState(trackId: string): Promise<SavedState>;
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The cache changed for this track: reload pages, redraw its badges. */
  trackChanged(trackId: string): Promise<void>;
  /** Spotify confirmed the save or removal: remember it instead of asking again. */
  confirmed(trackId: string, saved: boolean): void;
  now?: () => number;
}

export interface LibraryActions {
  getTabTrack(tabId: number): Promise<TabTrack | null>;
  /** Save or remove now in the cache, then at Spotify; undone in the cache if Spotify refuses. */
  setTrackSaved(trackId: string, saved: boolean): Promise<SavedState>;
  /**
   * Resolves when no Save or Remove is on its way to Spotify. A sync started meanwhile would
   * read the server before the change lands and undo the optimistic edit until the next one.
   */
  settled(): Promise<void>;
}

export function createLibraryActions(deps: LibraryActionsDeps): LibraryActions {
  const now = deps.now ?? Date.now;
  const inFlight = new Set<Promise<unknown>>();

  async function requireLibrary(): Promise<LibraryDb> {
    const db = await deps.signedInLibrary();
    if (!db) throw new NotSignedInError();
    return db;
  }

  async function save(db: LibraryDb, trackId: string): Promise<void> {
    const uri = trackUri(trackId);
    const details = await deps.trackDetails.get(trackId);
    const cachedNow = await applyLocalSave(db, { ...details, addedAt: spotifyTimestamp(now()) });
    if (cachedNow) await deps.trackChanged(trackId);
    try {
      await endpoints.save(deps.api, uri);
    } catch (error) {
      if (cachedNow) {
        await undoLocalSave(db, cachedNow);
        await deps.trackChanged(trackId);
      }
      throw new Error(t('errors.saveFailed', { reason: describe(error) }));
    }
  }

  async function remove(db: LibraryDb, trackId: string): Promise<void> {
    const uri = trackUri(trackId);
    const removal = await applyLocalRemove(db, uri, now());
    if (removal) await deps.trackChanged(trackId);
    try {
      await endpoints.remove(deps.api, uri);
    } catch (error) {
      if (removal) {
        await undoLocalRemove(db, removal);
        await deps.trackChanged(trackId);
      }
      throw new Error(t('errors.removeFailed', { reason: describe(error) }));
    }
  }

  return {
    async getTabTrack(tabId) {
      const url = await deps.tabUrl(tabId);
      const trackId = url ? parseTrackReference(url) : null;
      if (!trackId) return null;
      const db = await deps.readableLibrary();
      const cached = db ? await findSavedTrack(db, trackId) : null;
      const signedIn = (await deps.signedInLibrary()) !== null;
      const details = cached ?? (signedIn ? await deps.trackDetails.get(trackId).catch(() => null) : await deps.trackDetails.peek(trackId));
      const state: SavedState = signedIn ? await deps.resolveSavedState(trackId) : { kind: cached ? 'saved' : 'not-saved' };
      return { trackId, details: details && toTabTrackDetails(details), state };
    },
    async setTrackSaved(trackId, saved) {
      const db = await requireLibrary();
      const change = saved ? save(db, trackId) : remove(db, trackId);
      inFlight.add(change);
      try {
        await change;
      } finally {
        inFlight.delete(change);
      }
      deps.confirmed(trackId, saved);
      await deps.trackChanged(trackId);
      return { kind: saved ? 'saved' : 'not-saved' };
    },
    async settled() {
      await Promise.allSettled([...inFlight]);
    },
  };
}

function toTabTrackDetails(track: StoredTrack | TrackDetails): TabTrackDetails {
  return {
    name: track.name,
    artists: track.artists.map((artist) => artist.name),
    albumName: track.album.name,
    image: track.album.image,
    durationMs: track.durationMs,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
