import { afterEach, describe, expect, it } from 'vitest';
import { toStoredTrack } from '../../lib/spotify/saved-tracks';
import type { FirstScreen } from '../../lib/popup/first-screen';
import type { AppStatus } from '../../lib/status';
import type { StandIn } from '../stand-in/server';
import { standInPort } from '../browser/stand-in-build';
import { startWorld, type TestWorld } from './fixtures';
import type { PopupPage } from './pages/popup-page';
import { expectedResults, ROWS_SHOWN, wordOfArtistAt } from './expected-search';
import { badgeOf, openSpotifyTab, routeSpotifyPages } from './spotify-pages';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A popup 390 px wide, as the browser shows it. */
async function openPopup(w: TestWorld, query = ''): Promise<PopupPage> {
  const popup = await w.openPopup(query);
  await popup.page.setViewportSize({ width: 390, height: 600 });
  return popup;
}

async function signedInPopup(w: TestWorld): Promise<PopupPage> {
  const popup = await openPopup(w);
  await popup.signIn();
  await popup.waitForSyncState('ready');
  return popup;
}

/**
 * Tracks opened in new tabs, by the URL the extension gave them. Read on the extension's side:
 * `context.route` does not reach tabs an extension creates, so they end on an error page.
 */
async function openedTrackTabs(w: TestWorld): Promise<string[]> {
  const worker = await w.extension.serviceWorker();
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ url: 'https://open.spotify.com/track/*' });
    return tabs.map((tab) => tab.url ?? '');
  });
}

/**
 * The same from the first track at or after `position` whose word is plain ASCII letters:
 * `keyboard.type` sends other characters as text input with no key press.
 */
function asciiWordOfArtistFrom(standIn: StandIn, position: number): string {
  for (let at = position; ; at++) {
    const word = wordOfArtistAt(standIn, at);
    if (/^[a-z]+$/i.test(word)) return word;
  }
}

describe('popup search', () => {
  it('lists the newest saved tracks on open, then the stand-in’s matches as you type, a screenful at a time', async () => {
    world = await startWorld({ library: { size: 600, seed: 11 } });
    const popup = await signedInPopup(world);
    await popup.page.reload();
    await popup.waitForResultsFor('');

    const newest = expectedResults(world.standIn, '', ROWS_SHOWN);
    expect(await popup.resultIds()).toEqual(newest.ids);
    expect(await popup.resultCount.textContent()).toContain(`${newest.total} saved tracks`);
    // What the next popup shows before it opens IndexedDB: this library, at this version.
    const kept = await popup.page.evaluate(async () => {
      const { appStatus, popupFirstScreen } = await chrome.storage.session.get(['appStatus', 'popupFirstScreen']);
      return { status: appStatus as AppStatus, screen: popupFirstScreen as FirstScreen };
    });
    expect(kept.screen.accountKey).toBe(kept.status.account?.key);
    expect(kept.screen.libraryVersion).toBe(kept.status.libraryVersion);
    expect(kept.screen.newest.slice(0, ROWS_SHOWN).map((track) => track.id)).toEqual(newest.ids);

    // Scrolling renders the next screenful; nothing more is rendered before.
    await popup.resultList.evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect.poll(() => popup.resultRows.count()).toBe(2 * ROWS_SHOWN);
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, '', 2 * ROWS_SHOWN).ids);

    const query = wordOfArtistAt(world.standIn, 300);
    await popup.search(query);
    const matches = expectedResults(world.standIn, query, ROWS_SHOWN);
    expect(matches.ids.length).toBeGreaterThan(0);
    expect(await popup.resultIds()).toEqual(matches.ids);
    expect(await popup.resultCount.textContent()).toContain(String(matches.total));
    // The matched part of the artist's name is highlighted, as text.
    expect(await popup.resultRows.first().locator('mark').allTextContents()).toContain(query);

    // Narrowing keeps matching the stand-in, down to a whole title.
    const title = toStoredTrack(world.standIn.library.saved()[300])!.name;
    await popup.search(`${query} ${title}`);
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, `${query} ${title}`, ROWS_SHOWN).ids);

    await popup.search('zzqxv');
    expect(await popup.resultRows.count()).toBe(0);
    expect(await popup.resultCount.textContent()).toContain('No saved track matches');
  });

  it('finds tracks in every chunk of a library of several, read by the track-chunks worker', async () => {
    world = await startWorld({ library: { size: 5000, seed: 4 } });
    const popup = await signedInPopup(world);
    await popup.page.reload();
    await popup.waitForResultsFor('');
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, '', ROWS_SHOWN).ids);
    for (const position of [4900, 2500, 200]) {
      const query = wordOfArtistAt(world.standIn, position);
      await popup.search(query);
      expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, query, ROWS_SHOWN).ids);
    }
    expect(popup.page.workers().map((worker) => worker.url())).toEqual([expect.stringContaining('track-chunks-worker')]);
  });

  it('moves with the keyboard: focus in the box on open, arrows, typing on, Enter opens, Escape clears', async () => {
    world = await startWorld();
    const popup = await signedInPopup(world);
    await popup.page.reload();
    await popup.waitForResultsFor('');
    expect(await popup.focused()).toBe('search');

    const keyboard = popup.page.keyboard;
    await keyboard.press('ArrowDown');
    expect(await popup.focused()).toBe('row 0');
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    expect(await popup.focused()).toBe('row 2');
    await keyboard.press('ArrowUp');
    expect(await popup.focused()).toBe('row 1');
    await keyboard.press('End');
    expect(await popup.focused()).toBe(`row ${(await popup.resultRows.count()) - 1}`);
    await keyboard.press('Home');
    await keyboard.press('ArrowUp');
    expect(await popup.focused()).toBe('search');

    // Typing on a row carries on in the search box.
    await keyboard.press('ArrowDown');
    const query = asciiWordOfArtistFrom(world.standIn, 50);
    await keyboard.type(query);
    expect(await popup.focused()).toBe('search');
    await popup.waitForResultsFor(query);
    expect(await popup.searchBox.inputValue()).toBe(query);
    const expected = expectedResults(world.standIn, query, ROWS_SHOWN).ids;
    expect(await popup.resultIds()).toEqual(expected);

    // Enter on the second result opens it in the web player, in a new tab; Enter in the box
    // opens the first.
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await expect.poll(() => openedTrackTabs(world!)).toEqual([`https://open.spotify.com/track/${expected[1]}`]);
    await popup.page.bringToFront();
    await popup.searchBox.focus();
    await keyboard.press('Enter');
    await expect
      .poll(() => openedTrackTabs(world!).then((urls) => urls.sort()))
      .toEqual([`https://open.spotify.com/track/${expected[0]}`, `https://open.spotify.com/track/${expected[1]}`].sort());

    // Escape clears the box and lists the newest again.
    await popup.page.bringToFront();
    await popup.searchBox.focus();
    await keyboard.press('Escape');
    await popup.waitForResultsFor('');
    expect(await popup.searchBox.inputValue()).toBe('');
  });

  it('copies a track’s link', async () => {
    world = await startWorld();
    const popup = await signedInPopup(world);
    await popup.page.reload();
    await popup.waitForResultsFor('');
    const first = (await popup.resultIds())[0]!;
    await popup.resultRows
      .first()
      .getByRole('button', { name: /Copy link/ })
      .click();
    await popup.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();

    // Chromium grants no clipboard permission to an extension origin: read it from a web page.
    const { context } = world.extension;
    await context.grantPermissions(['clipboard-read'], { origin: world.standIn.url });
    const reader = await context.newPage();
    await reader.goto(`${world.standIn.url}/image/clipboard-reader`);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`https://open.spotify.com/track/${first}`);
  });

  it('shows hostile track names as plain text, on one line', async () => {
    world = await startWorld();
    const id = world.standIn.library.unsavedIds()[0]!;
    const hostile = `<img src=x onerror="window.pwned=1">Evil \u202Eesrever\u202C ${'Ω'.repeat(5000)}`;
    world.standIn.library.add([{ ...world.standIn.library.track(id)!, name: hostile }]);
    const popup = await signedInPopup(world);
    await popup.search('evil');
    const row = popup.resultList.locator(`[data-track-id="${id}"]`);
    expect(await row.textContent()).toContain('<img src=x onerror="window.pwned=1">Evil');
    expect(await row.locator('img:not(.cover)').count()).toBe(0);
    expect(await popup.page.evaluate(() => 'pwned' in window)).toBe(false);
    const box = (await row.boundingBox())!;
    expect(box.height).toBeLessThan(70);
    expect(await popup.resultList.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
  });

  it('searches the cached library offline, and says so', async () => {
    world = await startWorld({ library: { size: 400, seed: 3 } });
    const first = await signedInPopup(world);
    await first.page.close();

    const { context } = world.extension;
    await context.setOffline(true);
    await context.route(`http://127.0.0.1:${standInPort()}/**`, (route) => route.abort('internetdisconnected'));
    const popup = await openPopup(world);
    await popup.waitForSyncState('offline');
    expect(await popup.syncState.textContent()).toContain('Offline — searching your cached library');

    const query = wordOfArtistAt(world.standIn, 200);
    await popup.search(query);
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, query, ROWS_SHOWN).ids);
    // Covers cannot load: placeholders stand in for them.
    await expect.poll(() => popup.resultList.locator('.cover-placeholder').count()).toBeGreaterThan(0);
  });

  it('keeps the last account’s library searchable after sign-out', async () => {
    world = await startWorld();
    const popup = await signedInPopup(world);
    await popup.signOutButton.click();
    await popup.signInButton.waitFor();
    expect(await popup.syncStateValue()).toBe('signed-out');
    const query = wordOfArtistAt(world.standIn, 20);
    await popup.search(query);
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, query, ROWS_SHOWN).ids);
  });
});

describe('popup sync state', () => {
  it('shows progress and partial results during the first sync, then ready', async () => {
    world = await startWorld({ library: { size: 2500, seed: 2 }, latencyMs: 150 });
    const popup = await openPopup(world);
    await popup.signIn();
    const syncing = popup.page.locator('[data-sync-state="syncing"][data-partial="true"]');
    await syncing.locator('progress').waitFor({ timeout: 20_000 });
    // Partial results show up while it runs.
    await expect.poll(() => popup.resultRows.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await popup.waitForSyncState('ready', 60_000);
    expect(await popup.syncState.getAttribute('data-partial')).toBe('false');
    expect(await popup.page.locator('progress').count()).toBe(0);
    expect(await popup.syncState.textContent()).toMatch(/Synced/);
  });

  it('sends nothing on Sync now while rate-limited, and says when it can', async () => {
    world = await startWorld();
    const popup = await signedInPopup(world);
    world.standIn.faults.push({ kind: 'status', status: 429, retryAfter: 600, match: { path: '/v1/me/tracks' } });
    await popup.syncNowButton.click();
    await popup.waitForSyncState('rate-limited');
    const requests = world.standIn.requests.length;
    await popup.syncNowButton.click();
    await expect.poll(() => popup.syncState.textContent()).toMatch(/works again at/);
    await popup.page.waitForTimeout(500);
    expect(world.standIn.requests.length).toBe(requests);
  });
});

describe('the current tab’s track', () => {
  it('saves and then removes it: the stand-in and the badge follow', async () => {
    world = await startWorld();
    await signedInPopup(world);
    await routeSpotifyPages(world);
    const id = world.standIn.library.unsavedIds()[0]!;
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${id}?si=abc`);
    const popup = await openPopup(world, `?tab=${tab.tabId}`);

    const card = popup.currentTrack;
    await card.waitFor();
    expect(await card.getAttribute('data-track-id')).toBe(id);
    expect(await card.getAttribute('data-saved')).toBe('false');
    expect(await card.textContent()).toContain(world.standIn.library.track(id)!.name);
    expect(await card.textContent()).toContain('Not in your library');

    await card.getByRole('button', { name: 'Save' }).click();
    expect(await card.getAttribute('data-saved')).toBe('true');
    await expect.poll(() => world!.standIn.library.isSaved(id)).toBe(true);
    await expect.poll(async () => (await badgeOf(world!, tab.tabId)).text).toBe('✓');
    expect(await card.textContent()).toContain('Saved in your library');
    // The saved track is at the top of the library now.
    await expect.poll(() => popup.resultIds().then((ids) => ids[0])).toBe(id);

    await card.getByRole('button', { name: 'Remove' }).click();
    expect(await card.getAttribute('data-saved')).toBe('false');
    await expect.poll(() => world!.standIn.library.isSaved(id)).toBe(false);
    await expect.poll(async () => (await badgeOf(world!, tab.tabId)).text).toBe('+');
    await expect.poll(() => popup.resultIds().then((ids) => ids.includes(id))).toBe(false);
  });

  it('rolls back with a message when Spotify refuses', async () => {
    world = await startWorld();
    await signedInPopup(world);
    await routeSpotifyPages(world);
    const id = world.standIn.library.unsavedIds()[0]!;
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${id}`);
    const popup = await openPopup(world, `?tab=${tab.tabId}`);
    await popup.currentTrack.waitFor();

    world.standIn.faults.push({ kind: 'status', status: 500, times: 10, match: { path: '/v1/me/library' } });
    await popup.currentTrack.getByRole('button', { name: 'Save' }).click();
    await popup.currentTrack.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await popup.currentTrack.getAttribute('data-saved')).toBe('false');
    expect(await popup.currentTrack.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
    expect(world.standIn.library.isSaved(id)).toBe(false);
    expect((await badgeOf(world, tab.tabId)).text).toBe('+');
    expect(await popup.resultIds()).not.toContain(id);
  });

  it('shows a track that is not cached by its details from Spotify, saved state in words', async () => {
    world = await startWorld();
    await signedInPopup(world);
    await routeSpotifyPages(world);
    const savedId = world.standIn.library.savedIds()[5]!;
    const tab = await openSpotifyTab(world, `https://open.spotify.com/intl-de/track/${savedId}`);
    const popup = await openPopup(world, `?tab=${tab.tabId}`);
    await popup.currentTrack.waitFor();
    expect(await popup.currentTrack.getAttribute('data-saved')).toBe('true');
    expect(await popup.currentTrack.textContent()).toContain('Saved in your library');
    expect(await popup.currentTrack.getByRole('button', { name: 'Remove' }).isVisible()).toBe(true);
  });
});

describe('popup accessibility (axe-core)', () => {
  it('has no serious or critical violations signed out, signed in, or with results, light and dark', async () => {
    world = await startWorld();
    const popup = await openPopup(world);
    await popup.signInButton.waitFor();
    expect(await popup.seriousAccessibilityViolations()).toEqual([]);

    await popup.signIn();
    await popup.waitForSyncState('ready');
    await routeSpotifyPages(world);
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${world.standIn.library.unsavedIds()[0]}`);
    const withTrack = await openPopup(world, `?tab=${tab.tabId}`);
    await withTrack.currentTrack.waitFor();
    await withTrack.waitForResultsFor('');
    expect(await withTrack.seriousAccessibilityViolations()).toEqual([]);

    await withTrack.search(wordOfArtistAt(world.standIn, 30));
    expect(await withTrack.resultRows.count()).toBeGreaterThan(0);
    expect(await withTrack.seriousAccessibilityViolations()).toEqual([]);
    await withTrack.page.emulateMedia({ colorScheme: 'dark' });
    expect(await withTrack.seriousAccessibilityViolations()).toEqual([]);
  });
});
