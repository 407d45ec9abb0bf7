import type { SavedState } from '../tracks/saved-state';

/** Where the answer to "is this track saved?" comes from, cheapest first. */
export interface SavedStateSources {
  /** Constant-time lookup in the cached library. */
  isSavedInCache(trackId: string): Promise<boolean>;
  /** The saved tracks sharing this ISRC (album names), from the cache's ISRC index. */
  savedAlbumsWithIsrc(isrc: string): Promise<string[]>;
  /** The page track's ISRC: cached track details, else `GET /tracks/{id}` once (null offline). */
  isrcOf(trackId: string): Promise<string | null>;
  /** Whether tracks saved elsewhere may be missing from the cache (never synced, syncing, old). */
  cacheMayBeStale(): Promise<boolean>;
  /** `GET /me/library/contains`, batched and remembered (null when Spotify can't be asked). */
  containsOnServer(trackId: string): Promise<boolean | null>;
}

/**
 * Answers from the cache at once, then refines: an unknown track may be another version
 * (same ISRC) or, while the cache may be stale, saved after all. `onState` gets each answer
 * as it improves, so the badge never waits for the network.
 */
export async function resolveSavedState(trackId: string, sources: SavedStateSources, onState: (state: SavedState) => void): Promise<SavedState> {
  if (await sources.isSavedInCache(trackId)) {
    const saved: SavedState = { kind: 'saved' };
    onState(saved);
    return saved;
  }
  let state: SavedState = { kind: 'not-saved' };
  onState(state);

  if (await sources.cacheMayBeStale()) {
    if ((await sources.containsOnServer(trackId)) === true) {
      state = { kind: 'saved' };
      onState(state);
      return state;
    }
  }
  const isrc = await sources.isrcOf(trackId);
  if (!isrc) return state;
  const [albumName] = await sources.savedAlbumsWithIsrc(isrc);
  if (albumName === undefined) return state;
  state = { kind: 'other-version', albumName };
  onState(state);
  return state;
}
