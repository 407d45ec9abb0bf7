/**
 * Spotify's rate limit in Chromium (SPEC §3, §9): the built extension against the stand-in with
 * its rolling 30 s limit switched on, and waits that outlive the service worker and the browser.
 * Each wait here is held by the resume alarm and the resume time kept in storage.local
 * (lib/spotify/pacer.ts); none is shortened by faking the extension's clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../lib/status';
import type { PacerRecord } from '../../lib/spotify/pacer';
import { launchExtension } from '../browser/launch-extension';
import { standInPort, standInTls } from '../browser/stand-in-build';
import { ESCALATED_RETRY_AFTER_S } from '../stand-in/rate-limiter';
import { startStandIn } from '../stand-in/server';
import { startWorld, worldOf, type TestWorld } from './fixtures';
import { stopServiceWorker } from './service-worker';
import { expectCacheExact, signIn, tracksAfter } from './sync-checks';

/** lib/background/background-app.ts */
const RESUME_ALARM = 'tracklight-resume-sync';

let world: TestWorld | undefined;
let profile: string | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  if (profile) await rm(profile, { recursive: true, force: true });
  profile = undefined;
});

/**
 * Reads the extension's storage from one of its pages: storage.session (what the background
 * tells the pages) and storage.local (the pacers) need no running service worker.
 */
async function readStorage<T>(w: TestWorld, area: 'session' | 'local', key: string): Promise<T> {
  const page = await w.extension.openPage('/options.html');
  try {
    return await page.evaluate(async ({ area, key }) => (await chrome.storage[area].get(key))[key] as T, { area, key });
  } finally {
    await page.close();
  }
}

const syncStatus = async (w: TestWorld) => (await readStorage<AppStatus>(w, 'session', 'appStatus')).sync;

async function resumeAlarmAt(w: TestWorld): Promise<number | undefined> {
  const worker = await w.extension.serviceWorker();
  return worker.evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime, RESUME_ALARM);
}

describe('a first sync against a rolling limit of 60 requests per 30 s', () => {
  it('meets at most one 429 and never an hour, keeps the partial library searchable while it waits, and ends exact', { timeout: 150_000 }, async () => {
    world = await startWorld({ library: { size: 4000, seed: 121 }, latencyMs: 20, rateLimit: 60 });
    const { standIn } = world;
    const popup = await signIn(world);

    // The window fills after 60 requests; the rest of the library needs another one.
    await expect.poll(async () => (await syncStatus(world!)).resumeAt, { timeout: 30_000 }).not.toBeNull();
    const paused = await syncStatus(world);
    expect(paused.state).toBe('syncing');
    expect(await resumeAlarmAt(world)).toBe(paused.resumeAt);
    expect(await popup.syncState.getAttribute('data-partial')).toBe('true');
    const newest = standIn.library.saved()[0]!.track;
    await popup.search(newest.name);
    expect(await popup.resultIds()).toContain(newest.id);

    await popup.waitForSyncState('ready', 90_000);
    await expectCacheExact(world);
    const refusals = standIn.rateLimit.refusals();
    expect(refusals.length).toBeLessThanOrEqual(1);
    expect(refusals.filter((refusal) => refusal.retryAfterS === ESCALATED_RETRY_AFTER_S)).toEqual([]);
  });
});

describe('waits that outlive the service worker and the browser', () => {
  it('the service worker stopped during a 45 s Retry-After: its alarm wakes a new one, which carries on by itself', { timeout: 150_000 }, async () => {
    world = await startWorld({ library: { size: 1500, seed: 122 }, latencyMs: 20 });
    const { standIn } = world;
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 45, match: tracksAfter(standIn, 5) });
    const popup = await signIn(world);
    await expect.poll(async () => (await syncStatus(world!)).resumeAt, { timeout: 30_000 }).not.toBeNull();
    const paused = await syncStatus(world);
    // Under a minute: still syncing, the wait held by an alarm rather than a timer.
    expect(paused.state).toBe('syncing');
    expect(await resumeAlarmAt(world)).toBe(paused.resumeAt);
    await popup.page.close();
    await stopServiceWorker(world);

    await expect.poll(async () => (await syncStatus(world!)).state, { timeout: 90_000, interval: 1000 }).toBe('ready');
    await expectCacheExact(world);
    // Requests the worker had sent before it read the 429 may reach the stand-in a moment after
    // it (SPEC §3: in flight, they may finish); after that, none before the resume time.
    const limited = standIn.requests.find((request) => request.status === 429)!;
    const api = standIn.requests.filter((request) => request.path.startsWith('/v1/'));
    const settledAt = limited.endedAt! + 2_000;
    expect(api.filter((request) => request.startedAt > settledAt && request.startedAt < paused.resumeAt!)).toEqual([]);
    expect(api.filter((request) => request.startedAt >= paused.resumeAt!).length).toBeGreaterThan(0);
  });

  it('the browser restarted during a Retry-After of an hour: no request before it ends, the popup says when, and the sync resumes after it', {
    timeout: 120_000,
  }, async () => {
    profile = await mkdtemp(join(tmpdir(), 'tracklight-restarted-'));
    const standIn = await startStandIn({ library: { size: 1500, seed: 123 }, latencyMs: 20, port: standInPort(), tls: standInTls() });
    world = worldOf(standIn, await launchExtension({ userDataDir: profile }));
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 3600, match: tracksAfter(standIn, 5) });
    const popup = await signIn(world);
    await popup.waitForSyncState('rate-limited', 30_000);
    const { resumeAt } = await syncStatus(world);
    expect(resumeAt).toBeGreaterThan(Date.now() + 3_500_000);
    const kept = await readStorage<Record<string, PacerRecord>>(world, 'local', 'pacing');
    expect(Object.values(kept).map((record) => record.gate.until)).toEqual([resumeAt]);

    // The browser quits and starts again on the same profile.
    await world.extension.close();
    const sentBeforeRestart = standIn.requests.length;
    world = worldOf(standIn, await launchExtension({ userDataDir: profile }));
    const again = await world.openPopup();
    await again.waitForSyncState('rate-limited', 30_000);
    expect(await again.syncState.textContent()).toMatch(/paused until/);
    expect((await syncStatus(world)).resumeAt).toBe(resumeAt);
    expect(await resumeAlarmAt(world)).toBe(resumeAt);
    await again.syncNowButton.click();
    await expect.poll(async () => (await again.syncState.textContent()) ?? '').toMatch(/works again at/);
    await again.page.waitForTimeout(500);
    expect(standIn.requests.slice(sentBeforeRestart)).toEqual([]);

    // The hour passes. Nothing but the stored resume time tells the extension it has not (its
    // clock is the machine's), nor the stand-in but its clock: both are moved past it, and
    // the browser starts again, as it would the next morning.
    await again.page.evaluate(async () => {
      const { pacing } = (await chrome.storage.local.get('pacing')) as { pacing: Record<string, PacerRecord> };
      for (const record of Object.values(pacing)) record.gate.until = Date.now() - 1;
      await chrome.storage.local.set({ pacing });
    });
    standIn.clock.advance(3_600_000);
    await world.extension.close();
    world = worldOf(standIn, await launchExtension({ userDataDir: profile }));
    const resumed = await world.openPopup();
    await resumed.waitForSyncState('ready', 60_000);
    await expectCacheExact(world);
  });
});
