import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type TestWorld } from './fixtures';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('signing in', () => {
  it('signs in through the identity API with a valid PKCE exchange, then signs out', async () => {
    world = await startWorld();
    const popup = await world.openPopup();
    expect(await popup.syncStateValue()).toBe('signed-out');

    await popup.signIn();
    await popup.page.getByText('Tracklight Tester').waitFor();
    expect(world.standIn.auth.pkceExchanges).toEqual([
      expect.objectContaining({
        clientId: world.standIn.clientId,
        redirectUri: `https://${world.extension.extensionId}.chromiumapp.org/`,
        challengeMethod: 'S256',
        scope: 'user-library-read user-library-modify',
      }),
    ]);
    expect(world.standIn.auth.pkceExchanges[0].verifierLength).toBeGreaterThanOrEqual(43);
    expect(await popup.syncStateValue()).not.toBe('signed-out');

    await popup.signOutButton.click();
    await popup.signInButton.waitFor();
    expect(await popup.syncStateValue()).toBe('signed-out');
  });

  it('says so when the user declines on Spotify’s page, and stays signed out', async () => {
    world = await startWorld();
    world.standIn.authorize.nextDecision = 'deny';
    const popup = await world.openPopup();
    await popup.signIn();
    await expect.poll(() => popup.alert.textContent()).toMatch(/declined/);
    expect(await popup.signInButton.isVisible()).toBe(true);
    expect(world.standIn.auth.pkceExchanges).toHaveLength(0);
  });

  it('explains an unknown Client ID at the authorize page, in the popup and in Options', async () => {
    world = await startWorld();
    const options = await world.openOptions();
    await options.saveClientId('0123456789abcdef0123456789abcdef');
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-problem="invalid-client"]').waitFor();
    expect(await popup.problem.textContent()).toMatch(/doesn’t recognise this Client ID.*Settings/);
    expect(await popup.page.getByRole('button', { name: 'Open options' }).isVisible()).toBe(true);
    await options.page.locator('[data-problem="invalid-client"]').waitFor();
    expect(world.standIn.auth.pkceExchanges).toHaveLength(0);
  });

  it('explains an unknown Client ID at the token endpoint the same way', async () => {
    world = await startWorld({ tokenRefusesClient: true });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-problem="invalid-client"]').waitFor();
    expect(await popup.signInButton.isVisible()).toBe(true);
    const options = await world.openOptions();
    await options.page.locator('[data-problem="invalid-client"]').waitFor();
  });

  it('explains an unregistered redirect URI, naming the one to register with a copy button', async () => {
    world = await startWorld({
      clients: [{ clientId: '5f3c0a7b9e2d4c61a8b7f0e1d2c3b4a5', redirectUris: ['https://example.invalid/callback'] }],
    });
    const redirectUri = `https://${world.extension.extensionId}.chromiumapp.org/`;
    const popup = await world.openPopup();
    await popup.signIn();
    const problem = popup.page.locator('[data-problem="redirect-uri"]');
    await problem.waitFor();
    expect(await problem.locator('code').textContent()).toBe(redirectUri);
    expect(await problem.getByRole('button', { name: 'Copy redirect URI' }).isVisible()).toBe(true);
    expect(await popup.seriousAccessibilityViolations()).toEqual([]);
    // The sign-in's own message would only repeat it.
    expect(await popup.page.locator('.sign-in [role="alert"]').count()).toBe(0);

    const options = await world.openOptions();
    const inOptions = options.page.locator('[data-problem="redirect-uri"]');
    await inOptions.waitFor();
    expect(await inOptions.locator('code').textContent()).toBe(redirectUri);
    expect(await options.redirectUri.textContent()).toBe(redirectUri);

    // Registered: the next sign-in works, and the explanation goes.
    world.standIn.auth.registerRedirectUri('5f3c0a7b9e2d4c61a8b7f0e1d2c3b4a5', redirectUri);
    await popup.signIn();
    await popup.page.getByText('Tracklight Tester').waitFor();
    await expect.poll(() => popup.problem.count()).toBe(0);
  });

  it('says the network is down when Spotify cannot be reached', async () => {
    world = await startWorld();
    await world.standIn.close();
    const popup = await world.openPopup();
    await popup.signIn();
    await expect.poll(() => popup.alert.textContent()).toMatch(/connection/);
    expect(await popup.signInButton.isVisible()).toBe(true);
  });
});

describe('the options page', () => {
  it('shows the exact redirect URI and refuses an invalid Client ID', async () => {
    world = await startWorld();
    const options = await world.openOptions();
    expect(await options.redirectUri.textContent()).toBe(`https://${world.extension.extensionId}.chromiumapp.org/`);
    await options.saveClientId('not-a-client-id');
    await expect.poll(() => options.alert.textContent()).toMatch(/32 characters/);
    await options.page.reload();
    expect(await options.clientIdInput.inputValue()).toBe('');
  });
});

describe('the local library after sign-out', () => {
  it('stays after sign-out and goes with "Delete local data"', async () => {
    world = await startWorld({ library: { size: 120, seed: 4 } });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
    await popup.signOutButton.click();
    await popup.signInButton.waitFor();

    const options = await world.openOptions();
    const databases = () => options.page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
    const libraryName = `tracklight-library-${world.standIn.user.account_id}`;
    expect(await databases()).toContain(libraryName);

    await options.page.getByRole('button', { name: 'Delete local data' }).click();
    await options.page.getByRole('button', { name: /Yes, delete/ }).click();
    await options.page.getByText('The local copy was deleted.').waitFor();
    expect(await databases()).not.toContain(libraryName);
  });
});
