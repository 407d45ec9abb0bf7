import type { AppStatus, SyncStatus } from '../status';
import type { LibraryData, ReadLibrary } from './library-view-loader';

/** What the "Saved tracks" view shows: the tracks, or why there are none. */
export type SavedTracksState =
  | { show: 'no-account' }
  | { show: 'opening' }
  | { show: 'failed'; message: string }
  | { show: 'syncing'; progress: SyncStatus['progress'] }
  | { show: 'not-synced' }
  | { show: 'no-tracks' }
  | { show: 'tracks'; data: ReadLibrary };

export function savedTracksState(status: AppStatus, data: LibraryData): SavedTracksState {
  if (!status.account) return { show: 'no-account' };
  if (data.phase === 'loading') return { show: 'opening' };
  if (data.phase === 'failed') return { show: 'failed', message: data.message };
  if (data.summary.total > 0) return { show: 'tracks', data };
  if (status.sync.state === 'syncing') return { show: 'syncing', progress: status.sync.progress };
  if (data.summary.lastSyncedAt === null && !data.summary.complete) return { show: 'not-synced' };
  return { show: 'no-tracks' };
}
