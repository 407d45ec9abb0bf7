import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type TestWorld } from './fixtures';
import { badgeOf, navigateInPage, openSpotifyTab, routeSpotifyPages } from './spotify-pages';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function signedInWorld(): Promise<TestWorld> {
  const started = await startWorld({ library: { size: 300, seed: 11 } });
  await routeSpotifyPages(started);
  const popup = await started.openPopup();
  await popup.signIn();
  await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
  await popup.page.close();
  return started;
}

const badgeText = async (tabId: number) => (await badgeOf(world!, tabId)).text;

describe('the toolbar badge', () => {
  it('says ✓, + and ≈ for saved, unsaved and other-version tracks, in words too', async () => {
    world = await signedInWorld();
    const library = world.standIn.library;
    const savedId = library.savedIds()[5];
    const unsavedId = library.unsavedIds().find((id) => !library.idsWithOtherVersion().some((saved) => library.otherVersionOf(saved)?.id === id))!;
    const [withOther] = library.idsWithOtherVersion();
    const otherVersion = library.otherVersionOf(withOther)!;

    const saved = await openSpotifyTab(world, `https://open.spotify.com/track/${savedId}?si=abc123`);
    const unsaved = await openSpotifyTab(world, `https://open.spotify.com/intl-de/track/${unsavedId}`);
    const other = await openSpotifyTab(world, `https://open.spotify.com/track/${otherVersion.id}`);

    await expect.poll(() => badgeText(saved.tabId)).toBe('✓');
    await expect.poll(() => badgeText(unsaved.tabId)).toBe('+');
    await expect.poll(() => badgeText(other.tabId)).toBe('≈');
    expect((await badgeOf(world, saved.tabId)).title).toMatch(/saved in your library/);
    expect((await badgeOf(world, unsaved.tabId)).title).toMatch(/not in your library/);
    const savedVersion = library.saved().find((item) => item.track?.id === withOther)!.track!;
    expect((await badgeOf(world, other.tabId)).title).toContain(`another version is saved: ${savedVersion.album.name}`);
  });

  it('follows the web player’s in-page navigation and clears on pages without a track', async () => {
    world = await signedInWorld();
    const [first, second] = world.standIn.library.savedIds();
    const unsavedId = world.standIn.library.unsavedIds()[0];
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${first}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');

    await navigateInPage(tab, `/track/${unsavedId}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('+');
    await navigateInPage(tab, `/embed/track/${second}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
    await navigateInPage(tab, '/album/4aawyAB9vmqN3uQ7FjRGTy');
    await expect.poll(() => badgeText(tab.tabId)).toBe('');
    await tab.page.goBack();
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
  });

  it('keeps each tab’s own badge, and flips every tab showing a track when it is saved', async () => {
    world = await signedInWorld();
    const unsavedId = world.standIn.library.unsavedIds()[1];
    const savedId = world.standIn.library.savedIds()[0];
    const one = await openSpotifyTab(world, `https://open.spotify.com/track/${unsavedId}`);
    const two = await openSpotifyTab(world, `https://open.spotify.com/track/${unsavedId}?si=other`);
    const three = await openSpotifyTab(world, `https://open.spotify.com/track/${savedId}`);
    await expect.poll(() => badgeText(one.tabId)).toBe('+');
    await expect.poll(() => badgeText(two.tabId)).toBe('+');

    const page = await world.extension.openPage('/library.html');
    const saved = await page.evaluate((trackId) => chrome.runtime.sendMessage({ type: 'setTrackSaved', trackId, saved: true }), unsavedId);
    expect(saved).toEqual({ ok: true, value: { kind: 'saved' } });
    await expect.poll(() => badgeText(one.tabId)).toBe('✓');
    await expect.poll(() => badgeText(two.tabId)).toBe('✓');
    expect(await badgeText(three.tabId)).toBe('✓');
    expect(world.standIn.library.isSaved(unsavedId)).toBe(true);
  });

  it('is empty on non-track pages and when signed out', async () => {
    world = await signedInWorld();
    const savedId = world.standIn.library.savedIds()[0];
    const playlist = await openSpotifyTab(world, 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M');
    const track = await openSpotifyTab(world, `https://open.spotify.com/track/${savedId}`);
    await expect.poll(() => badgeText(track.tabId)).toBe('✓');
    expect(await badgeText(playlist.tabId)).toBe('');

    const popup = await world.openPopup();
    await popup.signOutButton.click();
    await popup.signInButton.waitFor();
    await expect.poll(() => badgeText(track.tabId)).toBe('');
  });
});
