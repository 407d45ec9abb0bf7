import type { SpotifyApi } from '../spotify/api-client';
import type { RateGate } from '../spotify/rate-gate';
import type { LibraryDb } from './db';

export type SyncPhase = 'checking' | 'fetching' | 'reconciling' | 'saving';

export interface SyncProgress {
  /** Places of the list read so far; an incremental sync, a few requests long, reports 0 then `total`. */
  done: number;
  /** Places in the list (`total` of its first page). */
  total: number;
  phase: SyncPhase;
}

/** How many pages may be in flight: starts at `initial`, grows to `max` while Spotify is happy. */
export interface ConcurrencyLimits {
  initial: number;
  max: number;
}

/** What every part of the sync needs, passed in so tests drive it without a browser. */
export interface SyncContext {
  db: LibraryDb;
  api: SpotifyApi;
  now: () => number;
  concurrency: ConcurrencyLimits;
  /** Watched, not used for waiting (the API client does that): a new 429 window halves concurrency. */
  rateGate?: Pick<RateGate, 'blockedUntil'>;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}
