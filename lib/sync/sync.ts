import { asBackground, type SpotifyApi } from '../spotify/api-client';
import { MAX_IN_FLIGHT } from '../spotify/pacer';
import { placesOf, type LibraryDb, type LibraryPlaces } from '../library/db';
import { runFullSync } from './full-sync';
import { runIncrementalSync } from './incremental-sync';
import { readCheckpoint, readLibraryMeta } from '../library/store';
import type { SyncContext, SyncProgress } from './sync-context';

export type { SyncProgress } from './sync-context';
export { LibraryKeptChangingError } from './full-sync';

export interface SyncOptions {
  db: LibraryDb;
  api: SpotifyApi;
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface SyncResult extends LibraryPlaces {
  kind: 'full' | 'incremental' | 'unchanged';
  /** Requests this call sent, retries included. */
  requests: number;
  added: number;
  removed: number;
  durationMs: number;
}

const running = new Map<string, Promise<SyncResult>>();

/**
 * Whether a full sync was left unfinished (a stopped service worker, a pause for a long
 * Retry-After, an error): the background calls `syncSavedTracks` again on start to finish it.
 */
export async function hasUnfinishedSync(db: LibraryDb): Promise<boolean> {
  return (await readCheckpoint(db)) !== undefined;
}

/**
 * Brings the cached library in line with Spotify's saved tracks: a full sync the first time
 * (or to finish one a stopped service worker left, from its checkpoint), then incremental ones.
 *
 * Throws the API client's typed errors for the background to map to a state —
 * RateLimitedError (resumeAt, quotaExceeded), NetworkError, ServerError, SessionEndedError,
 * UnexpectedResponseError (MalformedPageError for a bad page), HttpError — and
 * StorageFullError or LibraryKeptChangingError from here. Whatever it throws, the published
 * library is intact and calling it again carries on.
 *
 * One sync per database at a time: a call while one runs joins it (its own `onProgress` and
 * `signal` are not used then), since two would race for the same checkpoint.
 */
export function syncSavedTracks(options: SyncOptions): Promise<SyncResult> {
  const name = options.db.name;
  const current = running.get(name);
  if (current) return current;
  const sync = runSync(options).finally(() => running.delete(name));
  running.set(name, sync);
  return sync;
}

async function runSync(options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const context: SyncContext = {
    db: options.db,
    // Sync pages leave part of the rate-limit window to the user's Save and Remove.
    api: asBackground(options.api),
    now,
    concurrency: MAX_IN_FLIGHT,
    signal: options.signal,
    onProgress: options.onProgress,
  };
  const startedAt = now();
  const requestsBefore = options.api.requestCount;
  const finish = (kind: SyncResult['kind'], counts: Pick<SyncResult, 'added' | 'removed' | keyof LibraryPlaces>): SyncResult => ({
    kind,
    requests: options.api.requestCount - requestsBefore,
    durationMs: now() - startedAt,
    ...counts,
  });

  const meta = await readLibraryMeta(options.db);
  if (!meta?.complete || (await readCheckpoint(options.db))) return finish('full', await runFullSync(context));

  const outcome = await runIncrementalSync(context, meta);
  if (outcome.kind === 'unchanged') {
    return finish('unchanged', { added: 0, removed: 0, ...placesOf(meta) });
  }
  if (outcome.kind === 'incremental') return finish('incremental', outcome);
  return finish('full', await runFullSync(context, outcome.opening));
}
