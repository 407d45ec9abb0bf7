import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { serverLibrary } from '../e2e/library-snapshot';
import { startFirefoxWorld, type FirefoxWorld } from './fixtures';

let world: FirefoxWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Firefox's `identity.getRedirectURL()`: the add-on id's SHA-1, in hex, under extensions.allizom.org. */
function firefoxRedirectUri(addonId: string): string {
  return `https://${createHash('sha1').update(addonId).digest('hex')}.extensions.allizom.org/`;
}

describe('signing in, in Firefox', () => {
  it('shows Firefox’s redirect URI, signs in with it through identity.launchWebAuthFlow and PKCE, and syncs the library whole', async () => {
    world = await startFirefoxWorld({ library: { size: 300, seed: 7 } });
    const options = await world.openPage('/options.html');
    const shown = await options.waitForSelector('[data-redirect-uri]');
    expect(await shown!.evaluate((element) => element.textContent)).toBe(firefoxRedirectUri(world.firefox.addonId));

    const popup = await world.openPopup();
    expect(await popup.syncState()).toBe('signed-out');

    await popup.signIn();
    await popup.waitForSyncState('ready');
    expect(await popup.page.$eval('body', (body) => body.textContent)).toContain('Tracklight Tester');
    // The stand-in records an exchange only once the verifier hashed to the challenge.
    expect(world.standIn.auth.pkceExchanges).toEqual([
      expect.objectContaining({
        clientId: world.standIn.clientId,
        redirectUri: firefoxRedirectUri(world.firefox.addonId),
        challengeMethod: 'S256',
        scope: 'user-library-read user-library-modify',
      }),
    ]);
    expect(world.standIn.auth.pkceExchanges[0]!.verifierLength).toBeGreaterThanOrEqual(43);
    expect(await world.cachedLibrary()).toEqual(serverLibrary(world));
    expect(await popup.resultCountText()).toContain('300 saved tracks');
  });

  it('leaves Spotify’s error page open for an unregistered redirect URI, then names the one to register', async () => {
    world = await startFirefoxWorld({
      clients: [{ clientId: '5f3c0a7b9e2d4c61a8b7f0e1d2c3b4a5', redirectUris: ['https://example.invalid/callback'] }],
    });
    const popup = await world.openPopup();
    await popup.signIn();
    // Unlike Chrome, Firefox's identity window stays on the 400 page until the user closes it.
    const authorizeWindow = await world.firefox.browser.waitForTarget((target) => target.url().startsWith(`${world!.standIn.url}/authorize?`));
    expect(await popup.alertText()).toBeNull();
    await (await authorizeWindow.page())!.close();
    await expect.poll(() => popup.alertText()).toMatch(/redirect URI/);
    expect(await popup.alertText()).toContain(firefoxRedirectUri(world.firefox.addonId));
    expect(world.standIn.auth.pkceExchanges).toEqual([]);
  });
});
