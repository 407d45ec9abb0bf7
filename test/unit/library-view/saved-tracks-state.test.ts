import { describe, expect, it } from 'vitest';
import type { LibraryData } from '../../../lib/library-view/library-view-loader';
import { savedTracksState } from '../../../lib/library-view/saved-tracks-state';
import type { LibrarySummary } from '../../../lib/library/store';
import { initialAppStatus, type AppStatus, type SyncStatus } from '../../../lib/status';

const account = { key: 'me', displayName: 'Me' };
const statusOf = (sync: Partial<SyncStatus> = {}): AppStatus => ({
  ...initialAppStatus,
  signedIn: true,
  account,
  sync: { ...initialAppStatus.sync, state: 'ready', ...sync },
});
const preview = (summary: Partial<LibrarySummary>): LibraryData => ({
  phase: 'preview',
  summary: { total: 0, complete: false, lastSyncedAt: null, version: 1, unavailable: 0, ...summary },
  preview: [],
});

describe('what the Saved tracks view shows', () => {
  it.each<[string, AppStatus, LibraryData, string]>([
    ['no account: no library to show', { ...statusOf(), account: null }, preview({ total: 3 }), 'no-account'],
    ['the library is being opened', statusOf(), { phase: 'loading' }, 'opening'],
    ['the library cannot be read', statusOf(), { phase: 'failed', message: 'broken' }, 'failed'],
    ['tracks, even while a sync runs', statusOf({ state: 'syncing' }), preview({ total: 3 }), 'tracks'],
    ['a first sync that has saved nothing yet', statusOf({ state: 'syncing', progress: { done: 0, total: 50 } }), preview({}), 'syncing'],
    ['never synced', statusOf({ state: 'never' }), preview({}), 'not-synced'],
    ['synced, and the library is empty', statusOf(), preview({ lastSyncedAt: 1, complete: true }), 'no-tracks'],
  ])('%s', (_, status, data, show) => {
    expect(savedTracksState(status, data).show).toBe(show);
  });

  it('carries what each state needs', () => {
    const data = preview({ total: 3 });
    expect(savedTracksState(statusOf(), data)).toEqual({ show: 'tracks', data });
    expect(savedTracksState(statusOf(), { phase: 'failed', message: 'broken' })).toEqual({ show: 'failed', message: 'broken' });
    const progress = { done: 0, total: 50 };
    expect(savedTracksState(statusOf({ state: 'syncing', progress }), preview({}))).toEqual({ show: 'syncing', progress });
  });
});
