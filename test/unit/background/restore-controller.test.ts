import { afterEach, describe, expect, it } from 'vitest';
import { createRestoreController, type RestoreController, type RestoreWake } from '../../../lib/background/restore-controller';
import { readRemovalHistory } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { createRestoreJob, readRestoreProgress, updateRestoreProgress } from '../../../lib/restore/restore-store';
import type { RestoreStatus } from '../../../lib/status';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Harness {
  s: StandInSession;
  controller: RestoreController;
  published: Array<RestoreStatus | null>;
  wakes: RestoreWake[];
  syncsAfterRestore: number;
  /** Resolves when the controller has published a job in this state. */
  published$(state: RestoreStatus['state']): Promise<RestoreStatus>;
}

async function harness(options: { size?: number; stale?: boolean; signedIn?: boolean } = {}): Promise<Harness> {
  session ??= await startSession({ library: { size: options.size ?? 300, seed: 8 } });
  const s = session;
  await syncSavedTracks({ db: s.db, api: s.api });
  const published: Array<RestoreStatus | null> = [];
  const waiters: Array<{ state: RestoreStatus['state']; resolve: (status: RestoreStatus) => void }> = [];
  const h: Harness = {
    s,
    published,
    wakes: [],
    syncsAfterRestore: 0,
    controller: createRestoreController({
      api: s.api,
      signedInLibrary: async () => (options.signedIn === false ? null : s.db),
      readableLibrary: async () => s.db,
      async publish(status) {
        published.push(status);
        for (const waiter of [...waiters]) {
          if (status?.state === waiter.state) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(status);
          }
        }
      },
      wake: async (when) => void h.wakes.push(when),
      restored: async () => {
        h.syncsAfterRestore += 1;
      },
      syncIfStale: async () => undefined,
      cacheMayBeStale: async () => options.stale ?? false,
      isOnline: () => true,
      newJobId: () => 'job',
    }),
    published$(state) {
      const seen = published.find((status) => status?.state === state);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ state, resolve }));
    },
  };
  return h;
}

const containsCalls = (s: StandInSession) => s.standIn.requests.filter((request) => request.path === '/v1/me/library/contains');

describe('the restore controller', () => {
  it('restores removed tracks, tells the pages, stops waking the worker and syncs after', async () => {
    const h = await harness();
    const gone = h.s.standIn.library.removeAt([2, 9, 40]).map((item) => (item as { track: { uri: string } }).track.uri);
    await syncSavedTracks({ db: h.s.db, api: h.s.api });
    const started = await h.controller.restoreRemoved([gone[0]!, gone[2]!]);
    expect(started).toMatchObject({ state: 'running', total: 2, source: 'removed' });
    const done = await h.published$('done');
    expect(done).toMatchObject({ restored: 2, failedCount: 0 });
    await expect.poll(() => h.syncsAfterRestore).toBe(1);
    expect(h.wakes.at(0)).toBe('every-minute');
    expect(h.wakes.at(-1)).toBeNull();
    expect((await readRemovalHistory(h.s.db)).removed.map(({ track }) => track.uri)).toEqual([gone[1]]);
    await expect(h.controller.restoreRemoved([gone[0]!])).rejects.toThrow(/None of these tracks/);

    await h.controller.dismiss();
    expect(h.published.at(-1)).toBeNull();
    expect(await readRestoreProgress(h.s.db)).toBeNull();
  });

  it('checks an export against a fresh cache without asking Spotify', async () => {
    const h = await harness();
    const saved = h.s.standIn.library
      .saved()
      .slice(0, 3)
      .map((item) => item.track.uri);
    const unsaved = h.s.standIn.library
      .unsavedIds()
      .slice(0, 2)
      .map((id) => `spotify:track:${id}`);
    h.s.standIn.clearLog();
    expect(await h.controller.checkSaved([saved[0]!, unsaved[0]!, saved[1]!, unsaved[1]!])).toEqual([true, false, true, false]);
    expect(containsCalls(h.s)).toHaveLength(0);
  });

  it('asks Spotify about the tracks a stale cache lacks, 40 a call', async () => {
    const h = await harness({ stale: true });
    // Saved on Spotify after the last sync: 45 removed again, one still there.
    const fresh = h.s.standIn.library.add(46).map((item) => item.track);
    h.s.standIn.library.removeIds(fresh.slice(0, 45).map((track) => track.id!));
    const unsaved = fresh.slice(0, 45).map((track) => track.uri);
    const savedOnSpotifyMeanwhile = fresh[45]!.id;
    const cached = h.s.standIn.library.saved()[5]!.track.uri;
    h.s.standIn.clearLog();
    const answer = await h.controller.checkSaved([cached, ...unsaved, `spotify:track:${savedOnSpotifyMeanwhile}`]);
    expect(answer).toEqual([true, ...unsaved.map(() => false), true]);
    expect(containsCalls(h.s).map((request) => request.query.uris!.split(',').length)).toEqual([40, 6]);
  });

  it('pauses, resumes and cancels the job the user sees', async () => {
    const h = await harness({ size: 400 });
    const items = h.s.standIn.library.saved().slice(0, 200);
    h.s.standIn.library.removeIds(items.map((item) => item.track.id!));
    const savedBefore = h.s.standIn.library.savedIds().length;
    const tracks = items.map((item) => ({ uri: item.track.uri, label: item.track.name, addedAt: item.added_at }));
    h.s.standIn.latencyMs = 20;
    await h.controller.restoreFromFile('liked.csv', tracks);
    const paused = await h.controller.pause();
    expect(paused).toMatchObject({ state: 'paused', pausedBy: 'user' });
    expect(await h.published$('paused')).toMatchObject({ pausedBy: 'user' });
    expect(h.wakes.at(-1)).toBeNull();

    await h.controller.resume();
    const cancelled = await h.controller.cancel();
    expect(cancelled?.cancelled).toBe(true);
    const done = await h.published$('done');
    expect(done.cancelled).toBe(true);
    expect(done.restored).toBe(h.s.standIn.library.savedIds().length - savedBefore);
    expect(done.restored).toBeLessThan(200);
  });

  it('carries on with a job a stopped worker left running, when asked how it stands', async () => {
    const h = await harness();
    const items = h.s.standIn.library.saved().slice(0, 50);
    h.s.standIn.library.removeIds(items.map((item) => item.track.id!));
    await createRestoreJob(h.s.db, {
      jobId: 'left',
      source: 'file',
      fileName: 'x.csv',
      tracks: items.map((item) => ({ uri: item.track.uri, label: item.track.name, addedAt: item.added_at })).reverse(),
      createdAt: Date.now(),
    });
    expect(await h.controller.status()).toMatchObject({ jobId: 'left' });
    expect(await h.published$('done')).toMatchObject({ restored: 50 });
    expect(h.s.standIn.library.savedIds().slice(0, 50)).toEqual(items.map((item) => item.track.id));
  });

  it('leaves a job paused for the user, or waiting for Spotify, until it is due', async () => {
    const h = await harness();
    const items = h.s.standIn.library.saved().slice(0, 10);
    await createRestoreJob(h.s.db, {
      jobId: 'waiting',
      source: 'file',
      fileName: null,
      tracks: items.map((item) => ({ uri: item.track.uri, label: item.track.name, addedAt: item.added_at })),
      createdAt: Date.now(),
    });
    const resumeAt = Date.now() + 3_600_000;
    await updateRestoreProgress(h.s.db, (progress) => ({ ...progress, state: 'paused', pausedBy: 'rate-limited', resumeAt }));
    await h.controller.resumeIfDue();
    expect(h.wakes).toEqual([{ at: resumeAt }]);
    expect(h.published).toEqual([expect.objectContaining({ state: 'paused', pausedBy: 'rate-limited' })]);
    expect(h.s.standIn.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('shows the job of a signed-out account without running it', async () => {
    const h = await harness({ signedIn: false });
    await expect(
      h.controller.restoreFromFile('x.csv', [{ uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', label: 'x', addedAt: '2026-01-01T00:00:00Z' }]),
    ).rejects.toThrow(/Not signed in/);
    await expect(h.controller.checkSaved(['spotify:track:4uLU6hMCjMI75M1A2tKUQC'])).rejects.toThrow(/Not signed in/);
  });
});
