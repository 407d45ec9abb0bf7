import { afterEach, describe, expect, it } from 'vitest';
import { readRemovalHistory } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { parseImportText } from '../../../lib/restore/import-file';
import { planImport } from '../../../lib/restore/import-plan';
import { runRestoreJob, UNANSWERED_HORIZON_MS } from '../../../lib/restore/restore-job';
import { sendingOrder, type RestoreCandidate } from '../../../lib/restore/restore-order';
import { MAX_URIS_PER_CALL } from '../../../lib/spotify/endpoints';
import {
  createRestoreJob,
  readRestoreProgress,
  RestoreAlreadyRunningError,
  updateRestoreProgress,
  type RestoreProgress,
} from '../../../lib/restore/restore-store';
import type { SpotifyApi } from '../../../lib/spotify/api-client';
import { exportifyCsv } from '../../fixtures/exports/exportify-csv';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import type { LoggedRequest } from '../../stand-in/request-log';
import type { SavedTrackObject } from '../../stand-in/spotify-types';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Emptied {
  s: StandInSession;
  /** The library before it was emptied, newest first: what a restore must bring back. */
  originalIds: string[];
  candidates: RestoreCandidate[];
}

/** A library of `size` tracks exported (as Exportify writes it) and then removed on Spotify. */
async function emptiedLibrary(size: number, seed = 11): Promise<Emptied> {
  const s = await startSession({ library: { size, seed } });
  session = s;
  const saved = s.standIn.library.saved().filter((item) => !item.track.is_local) as SavedTrackObject[];
  const plan = planImport(parseImportText(exportifyCsv(saved)));
  s.standIn.library.removeIds(s.standIn.library.savedIds());
  s.standIn.clearLog();
  return { s, originalIds: saved.map((item) => item.track.id!), candidates: plan.candidates };
}

async function startJob(s: StandInSession, candidates: readonly RestoreCandidate[]): Promise<RestoreProgress> {
  return createRestoreJob(s.db, { jobId: 'job-1', source: 'file', fileName: 'liked.csv', tracks: sendingOrder(candidates), createdAt: Date.now() });
}

const puts = (s: StandInSession): LoggedRequest[] => s.standIn.requests.filter((request) => request.method === 'PUT' && request.path === '/v1/me/library');
const containsCalls = (s: StandInSession) => s.standIn.count('/v1/me/library/contains');

/**
 * How often each track was named in a save call Spotify carried out: answered 200, or carried
 * out for a client that was gone by then (status 0) unless the stand-in dropped it unanswered.
 */
function savesPerTrack(s: StandInSession): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of puts(s)) {
    const carriedOut = request.status === 200 || (request.status === 0 && request.fault !== 'drop');
    if (!carriedOut) continue;
    for (const uri of request.query.uris!.split(',')) counts.set(uri, (counts.get(uri) ?? 0) + 1);
  }
  return counts;
}

function expectRestoredExactlyOnce(e: Emptied): void {
  expect(e.s.standIn.library.savedIds()).toEqual(e.originalIds);
  const counts = savesPerTrack(e.s);
  expect(counts.size).toBe(e.originalIds.length);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

/**
 * An API client that dies like a stopped service worker at its `stopAt`-th save: the call
 * reaches Spotify (`landed`) or not, and its answer never comes back to the job. `stopped`
 * resolves once the call has done what it will do.
 */
function dyingApi(api: SpotifyApi, stopAt: number, landed: boolean): { api: SpotifyApi; stopped: Promise<void> } {
  let saves = 0;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const dying: SpotifyApi = {
    get: (...args) => api.get(...args),
    delete: (...args) => api.delete(...args),
    get requestCount() {
      return api.requestCount;
    },
    async put(...args) {
      if (++saves !== stopAt) return api.put(...args);
      if (landed) await api.put(...args);
      markStopped();
      return new Promise<never>(() => undefined);
    },
  };
  return { api: dying, stopped };
}

/** Runs until the dying client's call, then leaves that run behind as a stopped worker would. */
async function runUntilStopped(s: StandInSession, dying: { api: SpotifyApi; stopped: Promise<void> }): Promise<void> {
  void runRestoreJob({ db: s.db, api: dying.api, sleep: noWait });
  await dying.stopped;
}

/** Waits the job asks for, recorded instead of waited. */
const waits: number[] = [];
async function noWait(ms: number): Promise<void> {
  waits.push(ms);
}

describe('the restore job', () => {
  it('saves every track once, oldest first in calls of 40, so the library comes back in its order', async () => {
    const e = await emptiedLibrary(100);
    await startJob(e.s, e.candidates);
    const states: string[] = [];
    const done = await runRestoreJob({ db: e.s.db, api: e.s.api, onProgress: (progress) => void states.push(`${progress.state} ${progress.position}`) });
    expect(done).toMatchObject({ state: 'done', restored: e.candidates.length, failedCount: 0, position: e.candidates.length, sending: null });
    expectRestoredExactlyOnce(e);
    expect(puts(e.s)).toHaveLength(Math.ceil(e.candidates.length / MAX_URIS_PER_CALL));
    expect(containsCalls(e.s)).toBe(0);
    expect(states.at(-1)).toBe(`done ${e.candidates.length}`);
  });

  it.each([
    ['after Spotify saved the call, before the answer was written down', true],
    ['before the call reached Spotify', false],
  ])('resumes a worker stopped %s: asks contains, saves nothing twice', async (_when, landed) => {
    const e = await emptiedLibrary(200);
    await startJob(e.s, e.candidates);
    await runUntilStopped(e.s, dyingApi(e.s.api, 3, landed));
    const left = (await readRestoreProgress(e.s.db))!;
    expect(left).toMatchObject({ state: 'running', position: 80, sending: { from: 80, to: 120 } });

    // Started at once, the next worker first waits out the time the call could still land in.
    waits.length = 0;
    const done = await runRestoreJob({ db: e.s.db, api: e.s.newApi(), sleep: noWait, now: () => left.sending!.at + 1_000 });
    expect(waits).toEqual([UNANSWERED_HORIZON_MS - 1_000]);
    expect(done).toMatchObject({ state: 'done', restored: e.candidates.length });
    expectRestoredExactlyOnce(e);
    expect(containsCalls(e.s)).toBe(1);
    // The stand-in saw each call once: the one that never got there was sent after the check.
    expect(puts(e.s)).toHaveLength(Math.ceil(e.candidates.length / MAX_URIS_PER_CALL));
    const check = e.s.standIn.requests.findIndex((request) => request.path === '/v1/me/library/contains');
    expect(e.s.standIn.requests.slice(0, check).filter((request) => request.method === 'PUT')).toHaveLength(landed ? 3 : 2);
  });

  // ~5 s alone; past the suite's 30 s limit once when the machine ran twenty other processes.
  it('restores a file of 10,000 rows exactly, once, through two stops', async () => {
    const e = await emptiedLibrary(10_000, 3);
    expect(e.candidates.length).toBeGreaterThan(9_900);
    await startJob(e.s, e.candidates);
    await runUntilStopped(e.s, dyingApi(e.s.api, 70, true));
    await runUntilStopped(e.s, dyingApi(e.s.newApi(), 31, false));
    const done = await runRestoreJob({ db: e.s.db, api: e.s.newApi(), sleep: noWait });
    expect(done).toMatchObject({ state: 'done', restored: e.candidates.length, failedCount: 0 });
    expectRestoredExactlyOnce(e);
    expect(containsCalls(e.s)).toBe(2);
    await syncSavedTracks({ db: e.s.db, api: e.s.api });
    await expectCacheEqualsServer(e.s.db, e.s.standIn);
  }, 120_000);

  it('isolates a track Spotify refuses, saves the others, and says why', async () => {
    const e = await emptiedLibrary(60);
    const order = sendingOrder(e.candidates);
    const refused = order[17]!;
    e.s.standIn.faults.push({
      kind: 'status',
      status: 400,
      times: Infinity,
      match: (request) => request.method === 'PUT' && request.query.uris!.includes(refused.uri),
    });
    await startJob(e.s, e.candidates);
    const done = (await runRestoreJob({ db: e.s.db, api: e.s.api }))!;
    expect(done).toMatchObject({ state: 'done', restored: e.candidates.length - 1, failedCount: 1 });
    expect(done.failures).toEqual([{ uri: refused.uri, label: refused.label, reason: expect.stringMatching(/Spotify refused it/) }]);
    expect(e.s.standIn.library.savedIds()).toEqual(e.originalIds.filter((id) => `spotify:track:${id}` !== refused.uri));
    // Halving 40 down to one: at most 2·⌈log2 40⌉ calls more than the two the tracks need.
    expect(puts(e.s).length).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(MAX_URIS_PER_CALL)));
  });

  it('waits for Spotify after a long Retry-After, then carries on without saving anything twice', async () => {
    const e = await emptiedLibrary(100);
    e.s.standIn.afterRequests(
      1,
      (standIn) => standIn.faults.push({ kind: 'status', status: 429, retryAfter: 3600 }),
      (request) => request.method === 'PUT',
    );
    await startJob(e.s, e.candidates);
    const paused = (await runRestoreJob({ db: e.s.db, api: e.s.api }))!;
    expect(paused).toMatchObject({ state: 'paused', pausedBy: 'rate-limited', position: 40, sending: { from: 40, to: 80 } });
    expect(paused.resumeAt! - Date.now()).toBeGreaterThan(3_500_000);
    expect(paused.message).toMatch(/carries on at/);

    const done = await runRestoreJob({ db: e.s.db, api: e.s.newApi(), sleep: noWait });
    expect(done).toMatchObject({ state: 'done', restored: e.candidates.length });
    expectRestoredExactlyOnce(e);
  });

  it('does not repeat a save whose connection dropped; asks, then sends it once more', async () => {
    const e = await emptiedLibrary(100);
    e.s.standIn.faults.push({ kind: 'drop', match: { method: 'PUT', path: '/v1/me/library' } });
    await startJob(e.s, e.candidates);
    expect(await runRestoreJob({ db: e.s.db, api: e.s.api })).toMatchObject({ state: 'paused', pausedBy: 'offline', position: 0 });
    expect(puts(e.s)).toHaveLength(1);
    // Resumed well after the horizon: no wait.
    waits.length = 0;
    expect(await runRestoreJob({ db: e.s.db, api: e.s.api, sleep: noWait, now: () => Date.now() + UNANSWERED_HORIZON_MS })).toMatchObject({ state: 'done' });
    expect(waits).toEqual([]);
    expectRestoredExactlyOnce(e);
    expect(containsCalls(e.s)).toBe(1);
  });

  it('stops between calls when paused, carries on when resumed, and ends early when cancelled', async () => {
    const e = await emptiedLibrary(200);
    await startJob(e.s, e.candidates);
    const pauseAfter = (position: number) => async (progress: RestoreProgress) => {
      if (progress.position === position && !progress.sending) {
        await updateRestoreProgress(e.s.db, (current) => ({ ...current, state: 'paused', pausedBy: 'user' }));
      }
    };
    expect(await runRestoreJob({ db: e.s.db, api: e.s.api, onProgress: pauseAfter(80) })).toMatchObject({ state: 'paused', pausedBy: 'user', position: 80 });
    // A paused job does not run by itself.
    expect(await runRestoreJob({ db: e.s.db, api: e.s.api })).toMatchObject({ state: 'paused', position: 80 });
    expect(puts(e.s)).toHaveLength(2);

    await updateRestoreProgress(e.s.db, (current) => ({ ...current, state: 'running', pausedBy: null }));
    const cancelAt = async (progress: RestoreProgress) => {
      if (progress.position === 120 && !progress.sending && !progress.cancelled) {
        await updateRestoreProgress(e.s.db, (current) => ({ ...current, cancelled: true }));
      }
    };
    const cancelled = (await runRestoreJob({ db: e.s.db, api: e.s.api, onProgress: cancelAt }))!;
    expect(cancelled).toMatchObject({ state: 'done', cancelled: true, restored: 120, position: 120 });
    expect(e.s.standIn.library.savedIds()).toHaveLength(120);
    await expect(startJob(e.s, e.candidates)).resolves.toMatchObject({ state: 'running', position: 0 });
  });

  it('refuses a second job while one is unfinished', async () => {
    const e = await emptiedLibrary(50);
    await startJob(e.s, e.candidates);
    await expect(startJob(e.s, e.candidates)).rejects.toThrow(RestoreAlreadyRunningError);
  });

  it('takes restored tracks out of the history of removals as Spotify confirms them', async () => {
    const s = await startSession({ library: { size: 300, seed: 4 } });
    session = s;
    await syncSavedTracks({ db: s.db, api: s.api });
    s.standIn.library.removeAt([1, 2, 3, 150]);
    await syncSavedTracks({ db: s.db, api: s.api });
    const history = await readRemovalHistory(s.db);
    const restore = history.removed.slice(0, 3).map(({ track }) => ({ uri: track.uri, label: track.name, addedAt: track.addedAt }));
    await startJob(s, restore);
    await runRestoreJob({ db: s.db, api: s.api });
    const after = await readRemovalHistory(s.db);
    expect(after.removed.map(({ track }) => track.uri)).toEqual([history.removed[3]!.track.uri]);
  });
});
