import type { SpotifyApi } from '../spotify/api-client';
import type { LibraryDb } from '../library/db';

export type SyncPhase = 'checking' | 'fetching' | 'reconciling' | 'saving';

export interface SyncProgress {
  /** Places of the list read so far; an incremental sync, a few requests long, reports 0 then `total`. */
  done: number;
  /** Places in the list (`total` of its first page). */
  total: number;
  phase: SyncPhase;
}

/** What every part of the sync needs, passed in so tests drive it without a browser. */
export interface SyncContext {
  db: LibraryDb;
  api: SpotifyApi;
  now: () => number;
  /** Pages asked of the API client at once; its pacer decides how many go out (lib/spotify/pacer.ts). */
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}
