import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monthOfAddedAt } from '../../lib/library-view/added-at';
import { monthGroups } from '../../lib/library-view/months';
import { TRACK_CSV_COLUMNS, type ExportedTrack, type TrackCsvColumn } from '../../lib/library-view/track-export';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { searchKeyOf } from '../../lib/search/search-key';
import { createLibrarySearch } from '../../lib/search/search-library';
import { toStoredTrack } from '../../lib/spotify/saved-tracks';
import type { TrackObject } from '../stand-in/spotify-types';
import { trackFromCsv, trackFromJson } from '../unit/library-view/export-readers';
import { signInAndSync, startWorld, type TestWorld } from './fixtures';
import { LibraryPage } from './pages/library-page';

/** The stand-in's saved tracks as the cache must hold them after a sync, newest first. */
function savedTracks(world: TestWorld): StoredTrack[] {
  return world.standIn.library.saved().flatMap((item) => toStoredTrack(item) ?? []);
}

const rowIdOf = (track: StoredTrack): string => track.id ?? track.uri;

async function openLibrary(world: TestWorld): Promise<LibraryPage> {
  const library = new LibraryPage(await world.extension.openPage('/library.html'));
  await library.waitForLibrary();
  return library;
}

/** Fails the test on any script error in the page. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the library page, with a synced library', () => {
  let world: TestWorld;
  let library: LibraryPage;
  let expected: StoredTrack[];
  let pageErrors: string[];

  beforeAll(async () => {
    world = await startWorld({ library: { size: 400, seed: 21 } });
    await signInAndSync(world);
    expected = savedTracks(world);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });
  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    await library?.page.close();
  });

  async function open(): Promise<LibraryPage> {
    library = await openLibrary(world);
    pageErrors = collectPageErrors(library.page);
    return library;
  }

  it('lists every cached track newest first, at most 100 rows in the DOM', async () => {
    await open();
    expect(await library.countValues()).toEqual({ count: expected.length, total: expected.length });

    const { ids, mostRowsInDom } = await library.scrollThroughRows();
    expect(ids).toEqual(expected.map(rowIdOf));
    expect(mostRowsInDom).toBeLessThanOrEqual(100);

    await library.page.evaluate(() => window.scrollTo(0, 0));
    const firstText = await library.rowAt(0).textContent();
    expect(firstText).toContain(expected[0].name);
    for (const artist of expected[0].artists) expect(firstText).toContain(artist.name);
  });

  it('filters with the popup’s search and sorts by any column, both ways', async () => {
    await open();
    const artist = expected[150].artists[0].name.split(' ')[0];
    await library.filter(artist);
    const search = createLibrarySearch(expected.map(searchKeyOf));
    const matched = new Set(search.search(artist, { limit: expected.length }).positions);
    const matches = expected.filter((_, position) => matched.has(position));
    await expect.poll(() => library.countValues()).toEqual({ count: matches.length, total: expected.length });
    expect((await library.scrollThroughRows()).ids).toEqual(matches.map(rowIdOf));

    // Title A→Z: the page's own collator, applied by a plain sort, is the reference.
    await library.filter('');
    await library.columnHeader('Title').getByRole('button').click();
    await expect.poll(() => library.columnHeader('Title').getAttribute('aria-sort')).toBe('ascending');
    const byTitle = await referenceSort(library.page, expected, 'asc');
    await expect.poll(async () => (await library.rowIds()).slice(0, 10)).toEqual(byTitle.slice(0, 10));
    expect((await library.scrollThroughRows()).ids).toEqual(byTitle);
    await library.columnHeader('Title').getByRole('button').click();
    await expect.poll(() => library.columnHeader('Title').getAttribute('aria-sort')).toBe('descending');
    const byTitleDescending = await referenceSort(library.page, expected, 'desc');
    await expect.poll(async () => (await library.rowIds()).slice(0, 10)).toEqual(byTitleDescending.slice(0, 10));

    // Duration, longest first, from the select.
    await library.sortBy('Duration, longest first');
    const longest = [...expected]
      .map((track, position) => ({ track, position }))
      .sort((a, b) => b.track.durationMs - a.track.durationMs || a.position - b.position)
      .map(({ track }) => rowIdOf(track));
    await expect.poll(async () => (await library.rowIds()).slice(0, 10)).toEqual(longest.slice(0, 10));
    expect(await library.columnHeader('Duration').getAttribute('aria-sort')).toBe('descending');

    // The whole sorted list, scrolled through, is the reference order.
    expect((await library.scrollThroughRows()).ids).toEqual(longest);
  });

  it('draws tracks saved per month, and a click lists that month only', async () => {
    await open();
    const months = monthGroups(expected.map((track) => monthOfAddedAt(track.addedAt)));
    await expect.poll(() => library.chartMonths.count()).toBe(months.length);
    const busiest = months.reduce((best, month) => (month.count > best.count ? month : best));
    const bar = library.chart.locator(`[data-month="${busiest.month}"]`);
    expect(await bar.getAttribute('aria-label')).toContain(`${busiest.count} saved, ${busiest.runningTotal} in total`);

    await bar.hover();
    await expect.poll(() => library.page.locator('.chart-tooltip').textContent()).toContain(`${busiest.count} saved`);
    await bar.click();
    await expect.poll(() => library.countValues()).toEqual({ count: busiest.count, total: expected.length });
    expect(await bar.getAttribute('aria-selected')).toBe('true');
    const inMonth = expected.filter((track) => monthOfAddedAt(track.addedAt) === busiest.month).map(rowIdOf);
    expect((await library.scrollThroughRows()).ids).toEqual(inMonth);

    await library.page.getByRole('button', { name: /Clear the .* filter/ }).click();
    await expect.poll(() => library.countValues()).toEqual({ count: expected.length, total: expected.length });
  });

  it('works from the keyboard: the chart’s months, the column headers', async () => {
    await open();
    const months = monthGroups(expected.map((track) => monthOfAddedAt(track.addedAt)));
    await library.chart.focus();
    await library.page.keyboard.press('End');
    await library.page.keyboard.press('ArrowLeft');
    await library.page.keyboard.press('Enter');
    const picked = months.at(-2)!;
    await expect.poll(() => library.countValues()).toEqual({ count: picked.count, total: expected.length });
    expect(await library.page.locator('.month-chip').textContent()).toContain('Showing tracks saved in');
    await library.page.keyboard.press('Escape');
    await expect.poll(() => library.countValues()).toEqual({ count: expected.length, total: expected.length });

    await library.columnHeader('Artist').getByRole('button').focus();
    await library.page.keyboard.press('Enter');
    await expect.poll(() => library.columnHeader('Artist').getAttribute('aria-sort')).toBe('ascending');
    expect(await library.sortSelect.inputValue()).toBe('artist:asc');
  });

  it('exports the list as shown: CSV rows equal the cache, JSON the filtered view', async () => {
    await open();
    const csvDownload = await library.download(library.csvButton);
    expect(csvDownload.suggestedFilename()).toMatch(/^tracklight-saved-tracks-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    const parsed = Papa.parse<Record<TrackCsvColumn, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...TRACK_CSV_COLUMNS]);
    expect(parsed.data.map(trackFromCsv)).toEqual(expected);

    const artist = expected[20].artists[0].name;
    await library.filter(artist);
    const { count } = await expectFiltered(library, expected.length);
    const jsonDownload = await library.download(library.jsonButton);
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as ExportedTrack[];
    expect(exported).toHaveLength(count);
    expect(exported.map(trackFromJson)).toEqual((await library.scrollThroughRows()).ids.map((id) => expected.find((track) => rowIdOf(track) === id)));

    // "Whole library" ignores the filter.
    await library.exportScope.selectOption('library');
    const whole = await library.download(library.jsonButton);
    expect((JSON.parse(await readFile(await whole.path(), 'utf8')) as ExportedTrack[]).map(trackFromJson)).toEqual(expected);
  });

  it('has no serious accessibility problems, in light and dark', async () => {
    await open();
    await library.chartMonths.first().waitFor();
    expect(await library.seriousAccessibilityViolations()).toEqual([]);
    await library.page.emulateMedia({ colorScheme: 'dark' });
    expect(await library.seriousAccessibilityViolations()).toEqual([]);
  });

  it('keeps at most 100 rows in the DOM in a very tall window', async () => {
    await open();
    // 7,000 px shows ~135 rows: the cap holds, at the cost of blank space at the window's foot.
    await library.page.setViewportSize({ width: 1200, height: 7000 });
    await library.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const { ids, mostRowsInDom } = await library.scrollThroughRows(2000);
    expect(mostRowsInDom).toBe(100);
    expect(ids).toEqual(expected.map(rowIdOf));
  });
});

/** Waits for a filtered count and returns it. */
async function expectFiltered(library: LibraryPage, total: number): Promise<{ count: number }> {
  await expect.poll(async () => (await library.countValues()).count).toBeLessThan(total);
  return library.countValues();
}

/** Row ids sorted by title with the page's own collator: a reference the page did not compute. */
function referenceSort(page: Page, tracks: StoredTrack[], direction: 'asc' | 'desc'): Promise<string[]> {
  return page.evaluate(
    ({ entries, sign }) => {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
      return entries
        .map((entry, position) => ({ ...entry, position }))
        .sort((a, b) => sign * collator.compare(a.name, b.name) || a.position - b.position)
        .map((entry) => entry.id);
    },
    { entries: tracks.map((track) => ({ id: rowIdOf(track), name: track.name })), sign: direction === 'asc' ? 1 : -1 },
  );
}

describe('the library page on its own', () => {
  let world: TestWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('explains what to do when there is no library yet', async () => {
    world = await startWorld();
    const page = await world.extension.openPage('/library.html');
    await page.getByRole('heading', { name: 'No library on this device yet' }).waitFor();
    expect(await page.getByRole('link', { name: /Open Tracklight/ }).getAttribute('href')).toBe('/popup.html');
    expect(await page.locator('[data-track-id]').count()).toBe(0);
  });

  it('shows everything offline, with every Spotify request aborted', async () => {
    world = await startWorld({ library: { size: 250, seed: 4 } });
    await signInAndSync(world);
    const expected = savedTracks(world);
    const context: BrowserContext = world.extension.context;
    await context.setOffline(true);
    const aborted: string[] = [];
    await context.route(`${world.standIn.url}/**`, async (route) => {
      aborted.push(route.request().url());
      await route.abort('internetdisconnected');
    });
    await context.route('https://*.spotify.com/**', (route) => route.abort('internetdisconnected'));
    await context.route('https://i.scdn.co/**', (route) => route.abort('internetdisconnected'));

    const library = await openLibrary(world);
    const errors = collectPageErrors(library.page);
    expect(await library.countValues()).toEqual({ count: expected.length, total: expected.length });
    await library.offlineBadge.waitFor();
    expect((await library.scrollThroughRows()).ids).toEqual(expected.map(rowIdOf));
    await library.filter(expected[3].name);
    await expect.poll(async () => (await library.rowIds()).includes(rowIdOf(expected[3]))).toBe(true);
    await library.filter('');
    await library.chartMonths.first().waitFor();
    // Covers could not load: placeholders stand in for them.
    await expect.poll(() => library.page.locator('.cover-placeholder').count()).toBeGreaterThan(0);
    const download = await library.download(library.csvButton);
    const csv = await readFile(await download.path(), 'utf8');
    expect(Papa.parse(csv, { header: true, skipEmptyLines: true }).data).toHaveLength(expected.length);
    expect(errors).toEqual([]);
  });

  it('renders hostile titles as plain text, with an ellipsis, and exports them defused', async () => {
    world = await startWorld({ library: { size: 30, seed: 8 } });
    const template = world.standIn.library.saved()[5].track as TrackObject;
    const hostileNames = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      '\u202Eevil.mp3\u202C and more',
      'bell\u0007 escape\u001b[31m nul\u0000 end',
      '=HYPERLINK("https://evil.example","click")',
      `Long ${'x'.repeat(100_000)}`,
    ];
    const hostile = hostileNames.map((name, index) => ({
      ...template,
      id: `Hostile${index}`.padEnd(22, 'A'),
      uri: `spotify:track:${`Hostile${index}`.padEnd(22, 'A')}`,
      name,
      artists: [{ ...template.artists[0], name: `<b>${index}</b>` }],
    }));
    world.standIn.library.add(hostile);
    await signInAndSync(world);
    const library = await openLibrary(world);
    const errors = collectPageErrors(library.page);

    for (const [index, name] of hostileNames.entries()) {
      const row = library.page.locator(`[data-track-id="${hostile[index].id}"]`);
      const title = row.locator('.track-title');
      const shown = (await title.textContent()) ?? '';
      expect(name.startsWith(shown.replace(/…$/, ''))).toBe(true);
      expect(await row.locator('.cell-artist').textContent()).toBe(`<b>${index}</b>`);
    }
    expect(await library.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await library.page.locator('.track-row img[src="x"], .track-row script, .track-row b').count()).toBe(0);

    const longTitle = library.page.locator(`[data-track-id="${hostile[5].id}"] .track-title`);
    const box = await longTitle.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
      height: element.getBoundingClientRect().height,
    }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.height).toBeLessThan(30);
    expect(await longTitle.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis');

    const download = await library.download(library.csvButton);
    const rows = Papa.parse<Record<TrackCsvColumn, string>>(await readFile(await download.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.id === hostile[4].id)?.name).toBe(`'${hostileNames[4]}`);
    expect(rows.map(trackFromCsv)).toEqual(savedTracks(world));
    expect(errors).toEqual([]);
  });

  it('follows the library as it changes, without a reload', async () => {
    world = await startWorld({ library: { size: 120, seed: 9 } });
    await signInAndSync(world);
    const library = await openLibrary(world);
    expect(await library.countValues()).toEqual({ count: 120, total: 120 });

    const added = world.standIn.library.add(3);
    const popup = await world.openPopup();
    await popup.syncNowButton.click();
    await expect.poll(() => library.countValues(), { timeout: 30_000 }).toEqual({ count: 123, total: 123 });
    const newest = toStoredTrack(added[0])!;
    await expect.poll(async () => (await library.rowIds())[0]).toBe(rowIdOf(newest));
  });
});

describe('the library page during the first sync', () => {
  let world: TestWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('shows the tracks synced so far, says so, and completes by itself', async () => {
    world = await startWorld({ library: { size: 4000, seed: 12 }, latencyMs: 150 });
    const popup = await world.openPopup();
    await popup.signIn();
    const page = await world.extension.openPage('/library.html');
    const library = new LibraryPage(page);
    const notice = page.getByText(/Still syncing — [\d,]+ of 4,000 tracks so far/);
    await notice.waitFor({ timeout: 30_000 });
    const partial = await library.waitForLibrary();
    expect(partial.total).toBeLessThan(4000);
    expect(await library.rows.count()).toBeGreaterThan(0);

    await popup.waitForSyncState('ready', 60_000);
    await expect.poll(() => library.countValues(), { timeout: 30_000 }).toEqual({ count: 4000, total: 4000 });
    expect(await notice.count()).toBe(0);
    await expect.poll(async () => (await library.rowIds()).slice(0, 10)).toEqual(savedTracks(world).slice(0, 10).map(rowIdOf));
  });
});
