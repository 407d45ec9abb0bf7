import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../stand-in/request-log';
import type { StandIn } from '../stand-in/server';
import { exportifyCsv } from '../fixtures/exports/exportify-csv';
import { signInAndSync, startWorld, type TestWorld } from './fixtures';
import { cachedLibrary, serverLibrary } from './library-snapshot';
import { LibraryPage } from './pages/library-page';
import { stopServiceWorker } from './service-worker';

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const accountKey = (w: TestWorld) => w.standIn.user.account_id!;
const saves = (standIn: StandIn): LoggedRequest[] => standIn.requests.filter((request) => request.method === 'PUT' && request.path === '/v1/me/library');
const checks = (standIn: StandIn) => standIn.requests.filter((request) => request.path === '/v1/me/library/contains');

/** How often each URI was named in a save the stand-in carried out (answered, or for a client gone by then). */
function savesPerUri(standIn: StandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of saves(standIn)) {
    if (request.status !== 200 && !(request.status === 0 && request.fault !== 'drop')) continue;
    for (const uri of request.query.uris!.split(',')) counts.set(uri, (counts.get(uri) ?? 0) + 1);
  }
  return counts;
}

/**
 * "Sync now" from an extension page, then waits until the cache equals the server (a sync a
 * restore started may be running already: "Sync now" joins it).
 */
async function syncNow(w: TestWorld): Promise<void> {
  const popup = await w.openPopup();
  await popup.page.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
  await expect.poll(async () => JSON.stringify(await cachedLibrary(w, accountKey(w))) === JSON.stringify(serverLibrary(w)), { timeout: 60_000 }).toBe(true);
  await popup.waitForSyncState('ready', 60_000);
  await popup.page.close();
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('nothing lost, in Chromium', () => {
  it('lists 5 tracks removed on Spotify, restores 3 of them, and the next sync is exact', async () => {
    world = await startWorld({ library: { size: 200, seed: 15 } });
    const { standIn } = world;
    await signInAndSync(world);
    const gone = standIn.library.removeAt([3, 40, 41, 120, 199]).map((item) => (item as { track: { id: string; uri: string; name: string } }).track);
    await syncNow(world);

    const library = new LibraryPage(await world.extension.openPage('/library.html#removed'));
    const errors = collectPageErrors(library.page);
    await expect.poll(() => library.removedRows.count()).toBe(5);
    const listed = await library.removedList();
    expect(new Set(listed.map((row) => row.id))).toEqual(new Set(gone.map((track) => track.id)));
    for (const row of listed) expect(Date.parse(row.removedAt)).toBeGreaterThan(Date.now() - 120_000);
    expect(await library.seriousAccessibilityViolations()).toEqual([]);
    // Searched like the library.
    await library.searchBox.fill(gone[1]!.name);
    await expect.poll(async () => (await library.removedList()).map((row) => row.id)).toContain(gone[1]!.id);
    expect(await library.removedRows.count()).toBeLessThan(5);
    await library.searchBox.fill('');
    await expect.poll(() => library.removedRows.count()).toBe(5);

    const restore = [gone[0]!, gone[2]!, gone[4]!];
    for (const track of restore) await library.removedRow(track.id).getByRole('checkbox').check();
    standIn.clearLog();
    await library.restoreSelectedButton.click();
    expect(await library.waitForRestore('done')).toEqual({ done: 3, total: 3 });
    await expect.poll(() => library.removedRows.count()).toBe(2);
    expect(new Set((await library.removedList()).map((row) => row.id))).toEqual(new Set([gone[1]!.id, gone[3]!.id]));
    expect(await library.seriousAccessibilityViolations()).toEqual([]);
    expect(saves(standIn)).toHaveLength(1);
    expect(saves(standIn)[0]!.query.uris!.split(',').sort()).toEqual(restore.map((track) => track.uri).sort());
    for (const track of restore) expect(standIn.library.isSaved(track.id)).toBe(true);

    await syncNow(world);
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
    // Saved again, oldest first: the three stand at the head in their old order.
    expect(standIn.library.savedIds().slice(0, 3)).toEqual(restore.map((track) => track.id));
    expect(await library.removedList()).toHaveLength(2);

    // The history stays after signing out (nothing can be restored then), and goes with the local data.
    await library.page.evaluate(() => chrome.runtime.sendMessage({ type: 'signOut' }));
    await library.page.reload();
    await expect.poll(() => library.removedRows.count()).toBe(2);
    expect(await library.removedRow(gone[1]!.id).getByRole('button', { name: 'Restore' }).isDisabled()).toBe(true);
    await library.page.evaluate(() => chrome.runtime.sendMessage({ type: 'deleteLocalData' }));
    await library.page.reload();
    await library.page.getByText('No library on this device yet').waitFor();
    const databases = await library.page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
    expect(databases).not.toContain(`tracklight-library-${accountKey(world)}`);
    expect(errors).toEqual([]);
  });

  it('restores a 1,000-track Exportify CSV into an empty account through two worker stops: exact, no save sent twice', async () => {
    world = await startWorld({ library: { size: 1000, seed: 16 } });
    const { standIn } = world;
    const exported = standIn.library.saved();
    const csv = exportifyCsv(exported);
    const tracks = exported.filter((item) => !item.track.is_local).map((item) => item.track);
    standIn.library.removeAt(exported.map((_, position) => position));
    await signInAndSync(world);
    expect(await cachedLibrary(world, accountKey(world))).toEqual([]);

    const library = new LibraryPage(await world.extension.openPage('/library.html#restore-file'));
    await library.importFile.setInputFiles({ name: 'liked.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await library.importSummary.waitFor({ timeout: 30_000 });
    const summary = await library.importSummaryValues();
    expect(summary).toEqual({ total: 1000, missing: tracks.length, unknown: 1000 - tracks.length });
    const calls = Math.ceil(tracks.length / 40);

    // The 8th and the 17th save hang: each is on its way when the worker is stopped.
    standIn.latencyMs = 30;
    const hangAt = new Set([8, 17]);
    standIn.faults.push({ kind: 'hang', ms: 1_500, times: 2, match: (request) => request.method === 'PUT' && hangAt.has(saves(standIn).length) });
    standIn.clearLog();
    await library.importRestoreButton.click();
    await library.waitForRestore('running');

    for (const nth of hangAt) {
      await expect.poll(() => saves(standIn).length, { timeout: 60_000 }).toBe(nth);
      const hung = saves(standIn)[nth - 1]!;
      await expect.poll(() => hung.fault, { timeout: 10_000 }).toBe('hang');
      await stopServiceWorker(world);
      // Spotify carries the call out although nobody waits for its answer any more.
      const ids = hung.query.uris!.split(',').map((uri) => uri.split(':')[2]!);
      await expect.poll(() => ids.every((id) => standIn.library.isSaved(id)), { timeout: 10_000 }).toBe(true);
      // Opening the library page again wakes a worker, which carries on.
      await library.page.reload();
    }

    expect(await library.waitForRestore('done', 120_000)).toEqual({ done: tracks.length, total: tracks.length });
    expect(standIn.library.savedIds()).toEqual(tracks.map((track) => track.id));
    const perUri = savesPerUri(standIn);
    expect(perUri.size).toBe(tracks.length);
    expect([...perUri.values()].filter((count) => count !== 1)).toEqual([]);
    expect(saves(standIn)).toHaveLength(calls);
    expect(checks(standIn)).toHaveLength(2);
    expect(await library.restorePanel.textContent()).toContain(`Restored ${tracks.length.toLocaleString('en-US')} tracks`);

    await syncNow(world);
    expect(await cachedLibrary(world, accountKey(world))).toEqual(serverLibrary(world));
  }, 240_000);

  it('refuses files that are not exports, with a clear error, and sends nothing', async () => {
    world = await startWorld({ library: { size: 50, seed: 17 } });
    await signInAndSync(world);
    const library = new LibraryPage(await world.extension.openPage('/library.html#restore-file'));
    world.standIn.clearLog();
    const files = [
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
      { name: 'songs.csv', mimeType: 'text/csv', buffer: Buffer.from('Title,Artist\nCrying,Six by Seven\n') },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"uri":') },
    ];
    for (const file of files) {
      await library.importFile.setInputFiles(file);
      await expect.poll(() => library.page.getByRole('alert').textContent()).toContain(`“${file.name}” cannot be restored`);
      expect(await library.importSummary.count()).toBe(0);
    }
    expect(world.standIn.requests.filter((request) => request.path.startsWith('/v1/'))).toEqual([]);

    // Rows that cannot be restored are counted; the file's tracks that are saved are not sent again.
    const saved = world.standIn.library
      .saved()
      .filter((item) => !item.track.is_local)
      .slice(0, 3);
    const rows = exportifyCsv(saved).split('\n');
    const mixed = [
      ...rows.slice(0, 4),
      rows[1],
      '"spotify:episode:512ojhOuo1ktJprKbVcKyQ","An episode","","","","","","","","","0","0","1","","false","0","","","2024-01-01T00:00:00Z"',
      '"=HYPERLINK(""http://evil.example"")","Formula","","","","","","","","","0","0","1","","false","0","","","2024-01-01T00:00:00Z"',
      '',
    ].join('\n');
    await library.importFile.setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(mixed) });
    await library.importSummary.waitFor({ timeout: 30_000 });
    expect(await library.importSummaryValues()).toEqual({ total: 6, missing: 0, unknown: 2 });
    expect(await library.importSummary.textContent()).toContain('Nothing to restore');
    expect(saves(world.standIn)).toEqual([]);
    expect(await library.seriousAccessibilityViolations()).toEqual([]);
  });
});
