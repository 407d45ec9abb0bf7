import { afterEach, describe, expect, it } from 'vitest';
import { serverLibrary } from '../e2e/library-snapshot';
import type { LoggedRequest } from '../stand-in/request-log';
import type { StandIn } from '../stand-in/server';
import { startFirefoxWorld, type FirefoxWorld } from './fixtures';

let world: FirefoxWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const tracksRequests = (standIn: StandIn): LoggedRequest[] => standIn.requests.filter((request) => request.path === '/v1/me/tracks');

/**
 * Firefox runs the background as an event page and suspends it once no extension API call or
 * event came for `extensions.background.idle.timeout` (30 s by default; 2 s here). A fetch that
 * hangs is no activity to it, so a sync whose requests all hang is cut where it stands.
 */
describe('the event page suspended by Firefox during the first sync', () => {
  it('is started again by itself and carries on from the checkpoint, ending exact', async () => {
    world = await startFirefoxWorld({ library: { size: 1500, seed: 96 }, latencyMs: 20 }, { prefs: { 'extensions.background.idle.timeout': 2000 } });
    const { standIn } = world;
    const pages = 6;
    // Requests after the first `pages` hang, so the sync stops with exactly that much done.
    standIn.faults.push({
      kind: 'hang',
      ms: 120_000,
      times: Infinity,
      match: (request) => request.path === '/v1/me/tracks' && tracksRequests(standIn).length > pages,
    });
    const popup = await world.openPopup();
    await popup.signIn();
    await expect.poll(() => tracksRequests(standIn).length, { timeout: 30_000 }).toBeGreaterThan(pages);
    await expect.poll(() => world!.firefox.backgroundState(), { timeout: 30_000 }).toBe('stopped');
    standIn.faults.clear();
    const answered = new Set(
      tracksRequests(standIn)
        .filter((request) => request.status === 200)
        .map((request) => Number(request.query.offset)),
    );
    const resumedFrom = standIn.requests.length;

    // Nothing is opened or clicked: the popup left open sees the sync end.
    await popup.waitForSyncState('ready', 30_000);
    expect(await world.cachedLibrary()).toEqual(serverLibrary(world));
    // Pages answered before the suspension were staged: not read again, page 0 (the closing read) aside.
    const reread = standIn.requests
      .slice(resumedFrom)
      .filter((request) => request.path === '/v1/me/tracks')
      .map((request) => Number(request.query.offset))
      .filter((offset) => offset !== 0 && answered.has(offset));
    expect(reread).toEqual([]);
  });
});
