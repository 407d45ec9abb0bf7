import { describe, expect, it } from 'vitest';
import { formatClockTime } from '../../../lib/format';
import { describeSync, offlineHeadline, type SyncView } from '../../../lib/popup/sync-view';
import { initialAppStatus, type AppStatus, type SyncStatus } from '../../../lib/status';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const account = { key: 'x7Kp2QmZ9a', displayName: 'Tracklight Tester' };

function signedIn(sync: Partial<SyncStatus>): AppStatus {
  return { ...initialAppStatus, signedIn: true, account, sync: { ...initialAppStatus.sync, state: 'ready', ...sync } };
}

describe('describeSync', () => {
  it.each<[string, AppStatus, boolean, Partial<SyncView>]>([
    ['signed out, nothing cached', initialAppStatus, true, { state: 'signed-out', headline: 'Not signed in', syncNow: { kind: 'hidden' } }],
    [
      'signed out, the last account’s library kept',
      { ...initialAppStatus, account },
      false,
      { state: 'signed-out', headline: 'Signed out — your last synced library stays searchable', syncNow: { kind: 'hidden' } },
    ],
    ['never synced', signedIn({ state: 'never' }), true, { state: 'never', headline: 'Not synced yet', syncNow: { kind: 'available' }, progress: null }],
    [
      'first sync under way, total not known yet',
      signedIn({ state: 'syncing', partial: true, progress: null }),
      true,
      { state: 'syncing', partial: true, headline: 'First sync: starting…', progress: { done: 0, total: null }, syncNow: { kind: 'running' } },
    ],
    [
      'first sync under way',
      signedIn({ state: 'syncing', partial: true, progress: { done: 1250, total: 10000 } }),
      true,
      { state: 'syncing', partial: true, headline: 'First sync: 1,250 of 10,000 tracks…', progress: { done: 1250, total: 10000 } },
    ],
    [
      'a later sync',
      signedIn({ state: 'syncing', progress: { done: 50, total: 3000 } }),
      true,
      { state: 'syncing', partial: false, headline: 'Syncing… 50 of 3,000 tracks' },
    ],
    [
      'ready',
      signedIn({ state: 'ready', lastSyncedAt: NOW - 5 * 60_000 }),
      true,
      { state: 'ready', headline: 'Synced 5 min ago', tone: 'plain', syncNow: { kind: 'available' } },
    ],
    [
      'rate-limited until later',
      signedIn({ state: 'rate-limited', resumeAt: NOW + 90_000, message: 'Spotify asked Tracklight to slow down.' }),
      true,
      {
        state: 'rate-limited',
        headline: `Sync paused until ${formatClockTime(NOW + 90_000)}`,
        detail: 'Spotify asked Tracklight to slow down.',
        tone: 'warn',
        syncNow: { kind: 'waiting', until: NOW + 90_000 },
      },
    ],
    [
      'rate-limited, the time has come',
      signedIn({ state: 'rate-limited', resumeAt: NOW - 1 }),
      true,
      { state: 'rate-limited', syncNow: { kind: 'available' } },
    ],
    ['offline, says the browser', signedIn({ state: 'ready', lastSyncedAt: NOW }), false, { state: 'offline', headline: offlineHeadline(), tone: 'warn' }],
    [
      'offline, says the background',
      signedIn({ state: 'offline', message: 'Offline: Spotify could not be reached.' }),
      true,
      { state: 'offline', headline: offlineHeadline(), detail: 'Offline: Spotify could not be reached.' },
    ],
    [
      'error',
      signedIn({ state: 'error', message: 'Spotify had a problem (500).' }),
      true,
      { state: 'error', tone: 'error', detail: 'Spotify had a problem (500).', syncNow: { kind: 'available' } },
    ],
  ])('%s', (_, status, online, expected) => {
    expect(describeSync(status, online, NOW)).toMatchObject(expected);
  });

  it('keeps the partial mark while offline during the first sync', () => {
    expect(describeSync(signedIn({ state: 'syncing', partial: true }), false, NOW)).toMatchObject({ state: 'offline', partial: true });
  });
});
