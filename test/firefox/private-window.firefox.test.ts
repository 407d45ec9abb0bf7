import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startFirefoxWorld, type FirefoxWorld } from './fixtures';

let world: FirefoxWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const alertText = (page: Page) => page.$eval('[role="alert"]', (element) => element.textContent ?? '').catch(() => null);

/**
 * Firefox gives extension pages in a private window no IndexedDB. A user who lets Tracklight
 * run in private windows opens the popup there and finds the library it cannot read.
 */
describe('Tracklight in a Firefox private window', () => {
  it('says why the library cannot be searched there, and opens it in a normal window', async () => {
    world = await startFirefoxWorld({ library: { size: 150, seed: 5 } });
    await world.firefox.allowInPrivateWindows();
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready');

    const privateTab = await world.firefox.openPrivateWindow();
    await world.firefox.navigate(privateTab, '/popup.html');
    expect(await privateTab.evaluate(() => chrome.extension.inIncognitoContext)).toBe(true);
    await expect.poll(() => alertText(privateTab)).toMatch(/private window/);
    // Signed in all the same: the background, outside the private window, answers.
    expect(await privateTab.$eval('body', (body) => body.textContent)).toContain('Tracklight Tester');

    await world.firefox.navigate(privateTab, '/library.html');
    await expect.poll(() => alertText(privateTab)).toMatch(/private window/);
    const before = new Set(world.firefox.browser.targets());
    const opened = world.firefox.browser.waitForTarget((target) => target.type() === 'page' && !before.has(target));
    await privateTab.bringToFront();
    await privateTab.locator('button::-p-text(Open the library in a normal window)').click();
    const library = (await (await opened).page())!;
    await library.waitForSelector('[data-library-count="150"][data-library-total="150"]');
    const windows = await (await world.extensionPage()).evaluate(async () =>
      (await chrome.windows.getAll({ populate: true })).map((window) => ({
        incognito: window.incognito,
        urls: (window.tabs ?? []).map((tab) => tab.url ?? ''),
      })),
    );
    // The page that reads it is in a normal window; the private window kept its notice.
    expect(windows.filter((window) => window.urls.some((url) => url.endsWith('/library.html')))).toEqual([
      expect.objectContaining({ incognito: true }),
      expect.objectContaining({ incognito: false }),
    ]);
  });
});
