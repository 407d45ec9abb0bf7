import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type TestWorld } from './fixtures';
import { badgeOf, openSpotifyTab, routeSpotifyPages } from './spotify-pages';

/**
 * The "Save to / Remove from Spotify library" link menu. Headless Chromium cannot open a
 * context menu, so the click is dispatched to the real service worker's `onClicked` listeners
 * (`chrome.contextMenus.onClicked.dispatch`): everything after the click — parsing the link,
 * the library actions, the stand-in, the badges — is the product's. Not covered here: that
 * Chromium shows the items on matching links only (`targetUrlPatterns`); the patterns are
 * unit-tested.
 */
let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const SAVE = 'tracklight-save-link';
const REMOVE = 'tracklight-remove-link';

async function clickMenu(menuItemId: string, linkUrl: string): Promise<void> {
  const worker = await world!.extension.serviceWorker();
  await worker.evaluate(
    ({ id, url }) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void };
      onClicked.dispatch({ menuItemId: id, linkUrl: url, editable: false, pageUrl: 'https://example.com/blog' }, { id: 1, index: 0 });
    },
    { id: menuItemId, url: linkUrl },
  );
}

describe('the Spotify link menu', () => {
  it('is registered with both actions', async () => {
    world = await startWorld();
    const worker = await world.extension.serviceWorker();
    // `update` fails for an item that does not exist; there is no getter.
    const exists = (id: string) =>
      worker.evaluate(
        (itemId) =>
          chrome.contextMenus.update(itemId, {}).then(
            () => true,
            () => false,
          ),
        id,
      );
    await expect.poll(() => exists(SAVE)).toBe(true);
    expect(await exists(REMOVE)).toBe(true);
    expect(await exists('no-such-item')).toBe(false);
  });

  it('saves and removes the linked track at Spotify and in the cache, flipping its badges', async () => {
    world = await startWorld({ library: { size: 150, seed: 5 } });
    await routeSpotifyPages(world);
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
    const library = world.standIn.library;
    const trackId = library.unsavedIds()[2];
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${trackId}`);
    await expect.poll(async () => (await badgeOf(world!, tab.tabId)).text).toBe('+');

    await clickMenu(SAVE, `https://open.spotify.com/intl-de/track/${trackId}?si=abc`);
    await expect.poll(() => library.isSaved(trackId)).toBe(true);
    await expect.poll(async () => (await badgeOf(world!, tab.tabId)).text).toBe('✓');

    await clickMenu(REMOVE, `https://open.spotify.com/track/${trackId}`);
    await expect.poll(() => library.isSaved(trackId)).toBe(false);
    await expect.poll(async () => (await badgeOf(world!, tab.tabId)).text).toBe('+');
  });

  it('does nothing for links that name no track', async () => {
    world = await startWorld();
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
    world.standIn.clearLog();
    for (const link of [
      'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy',
      'https://open.spotify.com.evil.example/track/4uLU6hMCjMI75M1A2tKUQC',
      'https://example.com/',
    ]) {
      await clickMenu(SAVE, link);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(world.standIn.count((request) => request.path.startsWith('/v1/me/library') || request.path.startsWith('/v1/tracks'))).toBe(0);
  });
});
