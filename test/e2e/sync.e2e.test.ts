import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type TestWorld } from './fixtures';
import { cachedLibrary, serverLibrary } from './library-snapshot';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const tracksRequests = (w: TestWorld) => w.standIn.requests.filter((request) => request.path === '/v1/me/tracks');

describe('syncing in Chromium', () => {
  it('catches up with tracks saved and removed on Spotify, with an incremental sync', async () => {
    world = await startWorld({ library: { size: 500, seed: 9 } });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });

    world.standIn.library.add(3);
    world.standIn.library.removeAt([0, 250, 499]);
    world.standIn.clearLog();
    await popup.page.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    await expect.poll(() => world!.standIn.requests.length).toBeGreaterThan(0);
    await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await cachedLibrary(world!, world!.standIn.user.account_id!)).length).toBe(500);
    expect(await cachedLibrary(world, world.standIn.user.account_id!)).toEqual(serverLibrary(world));
    // k = 3 added, r = 3 removed: within ⌈k/50⌉+1 + r·⌈log2(N/50)⌉+3.
    expect(tracksRequests(world).length).toBeLessThanOrEqual(2 + 3 * Math.ceil(Math.log2(500 / 50)) + 3);
  });
});
