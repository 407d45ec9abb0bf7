/**
 * Real Spotify as it behaves in 2026 (SPEC §3, §9; issue #12), in Chromium against the
 * stand-in with its switches on: development-mode refusals explained without a request loop,
 * pages shorter than their total, a refresh token that expires six months after sign-in.
 * (The authorize page's and the token endpoint's refusals are in sign-in.e2e.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProblemNotice } from '../../lib/storage-items';
import { REFRESH_TOKEN_LIFETIME_SEC } from '../stand-in/accounts-service';
import { isApiRequest } from '../stand-in/request-log';
import type { Refusal } from '../stand-in/refusals';
import { startWorld, type TestWorld } from './fixtures';
import { cachedLibrary, serverLibrary } from './library-snapshot';
import { LibraryPage } from './pages/library-page';
import type { PopupPage } from './pages/popup-page';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const HOUR_MS = 3_600_000;
const apiRequests = (w: TestWorld) => w.standIn.requests.filter(isApiRequest).length;
const tracksRequests = (w: TestWorld) => w.standIn.requests.filter((request) => request.path === '/v1/me/tracks').length;
const accountKey = (w: TestWorld) => w.standIn.user.account_id!;

/** The refusal the background keeps, and the resume alarm, read in the service worker. */
async function backgroundRefusal(w: TestWorld): Promise<{ notice: ProblemNotice | null; alarmAt: number | null; now: number }> {
  const worker = await w.extension.serviceWorker();
  return worker.evaluate(async () => ({
    notice: ((await chrome.storage.local.get('spotifyProblem')).spotifyProblem ?? null) as ProblemNotice | null,
    alarmAt: (await chrome.alarms.get('tracklight-resume-sync'))?.scheduledTime ?? null,
    now: Date.now(),
  }));
}

/**
 * Opens the popup and Options again, as a user checking on things does: each asks the
 * background to sync if it is due. Resolves with the Web API requests sent meanwhile, once the
 * background has answered both and has had a moment to act on them (the absence of a loop
 * cannot be waited for; its cause, the stored retry time, is checked exactly beside this).
 */
async function requestsWhileLookingAgain(w: TestWorld, problem: string): Promise<number> {
  const before = apiRequests(w);
  const popup = await w.openPopup();
  await popup.page.locator(`[data-problem="${problem}"]`).waitFor();
  await popup.page.evaluate(() => chrome.runtime.sendMessage({ type: 'popupOpened' }));
  const options = await w.openOptions();
  await options.page.locator(`[data-problem="${problem}"]`).waitFor();
  await popup.page.waitForTimeout(1000);
  await Promise.all([popup.page.close(), options.page.close()]);
  return apiRequests(w) - before;
}

describe('development-mode refusals', () => {
  it.each<[Refusal['problem'], Refusal['format'], RegExp]>([
    ['premium-required', 'json', /owner needs Premium.*a few hours/s],
    ['premium-required', 'text', /owner needs Premium.*a few hours/s],
    ['user-not-registered', 'json', /User Management.*e-mail/s],
    ['user-not-registered', 'text', /User Management.*e-mail/s],
  ])('%s (%s) at sign-in: explained in the popup and Options, asked once', async (problem, format, fix) => {
    world = await startWorld({ refusal: { problem, format } });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator(`[data-problem="${problem}"]`).waitFor();
    expect(await popup.problem.textContent()).toMatch(fix);
    expect(await popup.problem.textContent()).toMatch(/sign in again/i);
    expect(await popup.signInButton.isVisible()).toBe(true);
    expect(await popup.page.locator('.sign-in [role="alert"]').count()).toBe(0);
    expect(await popup.seriousAccessibilityViolations()).toEqual([]);
    // The profile was asked for once, refused, and nothing else was sent.
    expect(world.standIn.requests.filter(isApiRequest).map((request) => `${request.status} ${request.path}`)).toEqual(['403 /v1/me']);

    expect(await requestsWhileLookingAgain(world, problem)).toBe(0);
    expect((await backgroundRefusal(world)).notice).toEqual({ problem, retryAt: null });
  });

  it('a refusal during a sync: explained, retried at most hourly, at once on Sync now, gone once fixed', async () => {
    world = await startWorld({ library: { size: 300, seed: 12 } });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready');
    world.standIn.library.add(2);

    world.standIn.refusal = { problem: 'premium-required', format: 'text' };
    const before = apiRequests(world);
    await popup.syncNowButton.click();
    await popup.page.locator('[data-problem="premium-required"]').waitFor();
    await popup.waitForSyncState('error');
    expect(await popup.syncState.textContent()).toMatch(/asks again at/);
    expect(apiRequests(world) - before).toBe(1);
    const { notice, alarmAt, now } = await backgroundRefusal(world);
    expect(notice?.problem).toBe('premium-required');
    expect(notice!.retryAt! - now).toBeGreaterThan(HOUR_MS - 60_000);
    expect(alarmAt).toBe(notice!.retryAt);

    expect(await requestsWhileLookingAgain(world, 'premium-required')).toBe(0);

    // "Sync now" asks at once, once.
    const beforeSyncNow = apiRequests(world);
    await popup.syncNowButton.click();
    await expect.poll(() => apiRequests(world!) - beforeSyncNow).toBe(1);
    await popup.waitForSyncState('error');

    world.standIn.refusal = null;
    await popup.syncNowButton.click();
    await popup.waitForSyncState('ready');
    await expect.poll(() => popup.problem.count()).toBe(0);
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
    expect((await backgroundRefusal(world)).notice).toBeNull();
  });
});

describe('pages shorter than their total', () => {
  it('keep what came, show the shortfall, and cost one request per unchanged sync', async () => {
    world = await startWorld({ library: { size: 600, seed: 23 }, unavailable: 9 });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready');
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
    expect(await popup.syncState.textContent()).toMatch(/counts 9 more saved tracks/);

    const library = new LibraryPage(await world.extension.openPage('/library.html'));
    expect(await library.waitForLibrary()).toEqual({ count: 591, total: 591 });
    expect(await library.counts.getAttribute('data-unavailable')).toBe('9');
    expect(await library.counts.textContent()).toMatch(/591 tracks · Spotify counts 9 more/);

    for (let sync = 0; sync < 2; sync++) {
      const before = tracksRequests(world);
      const status = await syncNowAndWait(world, popup);
      expect(status).toBe('ready');
      expect(tracksRequests(world) - before).toBe(1);
    }
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
  });
});

describe('the refresh token', () => {
  it('expiring six months after sign-in, during a sync: signed out with why, the library kept, and signing in again finishes', async () => {
    world = await startWorld({ library: { size: 800, seed: 31 }, latencyMs: 20 });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready');
    const before = await cachedLibrary(world, accountKey(world));

    // Enough removals that the sync reads the library again: the clock jumps mid-way.
    world.standIn.library.removeAt(Array.from({ length: 40 }, (_, index) => index * 19));
    world.standIn.library.add(3);
    world.standIn.afterRequests(3, (standIn) => standIn.clock.advance(REFRESH_TOKEN_LIFETIME_SEC * 1000 + 60_000), '/v1/me/tracks');
    await popup.syncNowButton.click();
    await popup.waitForSyncState('signed-out');
    await popup.signInButton.waitFor();
    await expect.poll(async () => (await popup.page.textContent('body')) ?? '').toMatch(/after six months.*Sign in again/);
    expect(world.standIn.requests.some((request) => request.path === '/api/token' && request.status === 400)).toBe(true);
    expect(await cachedLibrary(world, accountKey(world))).toEqual(before);

    const library = new LibraryPage(await world.extension.openPage('/library.html'));
    expect(await library.waitForLibrary()).toEqual({ count: before.length, total: before.length });
    await library.page.close();

    await popup.signIn();
    await popup.waitForSyncState('ready');
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
  });
});

/** Clicks "Sync now" and waits until the background has finished that sync; resolves with its end state. */
async function syncNowAndWait(w: TestWorld, popup: PopupPage): Promise<string | null> {
  const worker = await w.extension.serviceWorker();
  const lastSynced = () =>
    worker.evaluate(async () => ((await chrome.storage.session.get('appStatus')).appStatus as { sync: { lastSyncedAt: number | null; state: string } }).sync);
  const { lastSyncedAt } = await lastSynced();
  await popup.syncNowButton.click();
  await expect
    .poll(async () => {
      const sync = await lastSynced();
      return sync.state !== 'syncing' && sync.lastSyncedAt !== lastSyncedAt;
    })
    .toBe(true);
  return popup.syncStateValue();
}
