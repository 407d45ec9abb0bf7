import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { searchKeyOf } from '../../lib/search/search-key';
import { createLibrarySearch } from '../../lib/search/search-library';
import { toStoredTrack } from '../../lib/spotify/saved-tracks';
import { expectedResults, ROWS_SHOWN, wordOfArtistAt } from '../e2e/expected-search';
import { startFirefoxWorld, type FirefoxWorld } from './fixtures';
import { replaceText } from './input';

/**
 * Firefox with a signed-in, synced library: what a user does next. One browser for the file
 * (Firefox takes seconds to start); each test leaves the library as the stand-in has it.
 */
let world: FirefoxWorld;
beforeAll(async () => {
  world = await startFirefoxWorld({ library: { size: 400, seed: 11 } });
  const popup = await world.openPopup();
  await popup.signIn();
  await popup.waitForSyncState('ready');
  await popup.page.close();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const badgeText = async (tabId: number) => (await world.badgeOf(tabId)).text;
const savedTracks = (): StoredTrack[] => world.standIn.library.saved().flatMap((item) => toStoredTrack(item) ?? []);
const rowIdOf = (track: StoredTrack): string => track.id ?? track.uri;

describe('the popup in Firefox', () => {
  it('lists the newest saved tracks, then the stand-in’s matches as you type', async () => {
    const popup = await world.openPopup();
    await popup.waitForResultsFor('');
    expect(await popup.resultIds()).toEqual(expectedResults(world.standIn, '', ROWS_SHOWN).ids);

    const query = wordOfArtistAt(world.standIn, 250);
    await popup.search(query);
    const matches = expectedResults(world.standIn, query, ROWS_SHOWN);
    expect(matches.ids.length).toBeGreaterThan(0);
    expect(await popup.resultIds()).toEqual(matches.ids);
    expect(await popup.resultCountText()).toContain(String(matches.total));

    await popup.search('zzqxv');
    expect(await popup.resultIds()).toEqual([]);
    expect(await popup.resultCountText()).toContain('No saved track matches');
    await popup.page.close();
  });

  it('saves and then removes the current tab’s track: the stand-in and the badge follow', async () => {
    const id = world.standIn.library.unsavedIds()[0]!;
    const tab = await world.openSpotifyTab(`https://open.spotify.com/track/${id}?si=abc`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('+');
    const popup = await world.openPopup(`?tab=${tab.tabId}`);
    await popup.page.waitForSelector(`[data-current-track][data-track-id="${id}"]`);
    expect((await popup.currentTrack())!.text).toContain('Not in your library');

    await popup.toggleCurrentTrack('Save');
    await expect.poll(() => world.standIn.library.isSaved(id)).toBe(true);
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
    await expect.poll(async () => (await popup.currentTrack())?.text).toContain('Saved in your library');
    await expect.poll(async () => (await popup.resultIds())[0]).toBe(id);

    await popup.toggleCurrentTrack('Remove');
    await expect.poll(() => world.standIn.library.isSaved(id)).toBe(false);
    await expect.poll(() => badgeText(tab.tabId)).toBe('+');
    await expect.poll(async () => (await popup.resultIds()).includes(id)).toBe(false);
    await popup.page.close();
    await tab.page.close();
  });
});

describe('the toolbar badge in Firefox', () => {
  it('says ✓ and + on track pages and follows the web player’s in-page navigation', async () => {
    const [first, second] = world.standIn.library.savedIds();
    const unsavedId = world.standIn.library.unsavedIds()[1]!;
    const tab = await world.openSpotifyTab(`https://open.spotify.com/track/${first}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
    expect((await world.badgeOf(tab.tabId)).title).toMatch(/saved in your library/);

    await tab.page.evaluate((path) => history.pushState({}, '', path), `/track/${unsavedId}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('+');
    expect((await world.badgeOf(tab.tabId)).title).toMatch(/not in your library/);
    await tab.page.evaluate((path) => history.pushState({}, '', path), `/intl-de/track/${second}`);
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
    await tab.page.evaluate((path) => history.pushState({}, '', path), '/album/4aawyAB9vmqN3uQ7FjRGTy');
    await expect.poll(() => badgeText(tab.tabId)).toBe('');
    await tab.page.evaluate(() => history.back());
    await expect.poll(() => badgeText(tab.tabId)).toBe('✓');
    await tab.page.close();
  });
});

describe('the library page in Firefox', () => {
  it('lists the whole library, filters with the popup’s search and sorts by title in its worker', async () => {
    const expected = savedTracks();
    const page = await world.openPage('/library.html');
    await page.waitForSelector(`[data-library-count="${expected.length}"][data-library-total="${expected.length}"]`);
    const shown = await rowIds(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected.map(rowIdOf).slice(0, shown.length));

    const artist = expected[150]!.artists[0]!.name.split(' ')[0]!;
    await replaceText(page, 'input[type="search"]', artist);
    const matched = new Set(createLibrarySearch(expected.map(searchKeyOf)).search(artist, { limit: expected.length }).positions);
    const matches = expected.filter((_, position) => matched.has(position)).map(rowIdOf);
    await page.waitForSelector(`[data-library-count="${matches.length}"]`);
    const filtered = await rowIds(page);
    expect(filtered).toEqual(matches.slice(0, Math.max(filtered.length, 1)));

    await replaceText(page, 'input[type="search"]', '');
    await page.waitForSelector(`[data-library-count="${expected.length}"]`);
    await page.locator('[role="columnheader"] button::-p-text(Title)').click();
    await page.waitForSelector('[role="columnheader"][aria-sort="ascending"] ::-p-text(Title)');
    const byTitle = await page.evaluate(
      (entries) => {
        const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
        return entries
          .map((entry, position) => ({ ...entry, position }))
          .sort((a, b) => collator.compare(a.name, b.name) || a.position - b.position)
          .map((entry) => entry.id);
      },
      expected.map((track) => ({ id: rowIdOf(track), name: track.name })),
    );
    await expect.poll(async () => (await rowIds(page)).slice(0, 10)).toEqual(byTitle.slice(0, 10));
    await page.close();
  });
});

/** `data-track-id` of the library page's rows in the DOM, in display order. */
function rowIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-track-id]', (rows) =>
    rows
      .map((row) => ({ id: row.getAttribute('data-track-id') ?? '', index: Number(row.getAttribute('aria-rowindex')) }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.id),
  );
}
