import { describe, expect, it } from 'vitest';
import type { RestoreProgress } from '../../../lib/library/restore-records';
import { describeRestore } from '../../../lib/restore/restore-text';

const job = (change: Partial<RestoreProgress>): RestoreProgress => ({
  jobId: 'job',
  source: 'file',
  fileName: 'liked.csv',
  createdAt: 0,
  total: 1000,
  position: 400,
  sending: null,
  restored: 400,
  failedCount: 0,
  failures: [],
  state: 'running',
  pausedBy: null,
  resumeAt: null,
  cancelled: false,
  message: null,
  finishedAt: null,
  ...change,
});

describe('what the restore panel says', () => {
  it.each<[string, Partial<RestoreProgress>, string, string | null]>([
    ['running', {}, 'Restoring 400 of 1,000 tracks from “liked.csv”…', null],
    ['running from the history', { source: 'removed', fileName: null, total: 3, position: 0 }, 'Restoring 0 of 3 tracks…', null],
    ['paused by the user', { state: 'paused', pausedBy: 'user' }, 'Restore paused after 400 of 1,000 tracks.', null],
    [
      'waiting for Spotify',
      { state: 'paused', pausedBy: 'rate-limited', message: 'Spotify asked Tracklight to wait.' },
      'Restore waiting after 400 of 1,000 tracks.',
      'Spotify asked Tracklight to wait.',
    ],
    [
      'stopped',
      { state: 'error', message: 'The restore stopped: HTTP 403' },
      'The restore stopped after 400 of 1,000 tracks.',
      'The restore stopped: HTTP 403',
    ],
    ['cancelling', { cancelled: true }, 'Cancelling the restore…', null],
    [
      'done',
      { state: 'done', position: 1000, restored: 998, failedCount: 2 },
      'Restored 998 tracks of 1,000 from “liked.csv”.',
      '2 tracks could not be restored (below).',
    ],
    ['done, one track', { state: 'done', source: 'removed', total: 1, position: 1, restored: 1 }, 'Restored 1 track of 1.', null],
    ['cancelled', { state: 'done', cancelled: true, position: 400 }, 'Restore cancelled: 400 tracks restored, 600 not sent.', null],
  ])('%s', (_name, change, headline, detail) => {
    expect(describeRestore(job(change))).toEqual({ headline, detail });
  });
});
