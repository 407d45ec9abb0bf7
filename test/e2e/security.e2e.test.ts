/**
 * SPEC §9 and §10 in Chromium, played by an attacker: a web page and another extension try to
 * reach the background, an extension page sends payloads that fail validation, a library full
 * of hostile names is rendered, and the extension's storage is searched for tokens. After each,
 * the stand-in must have seen no save or removal (no `PUT`/`DELETE`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/chromium-path';
import { standInBuildDir, standInPort } from '../browser/stand-in-build';
import type { StandIn } from '../stand-in/server';
import { startStandIn } from '../stand-in/server';
import type { TrackObject } from '../stand-in/spotify-types';
import { startWorld, type TestWorld } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';
import { openSpotifyTab, routeSpotifyPages } from './spotify-pages';

let world: TestWorld | undefined;
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  await world?.close();
  world = undefined;
});

const libraryWrites = (standIn: StandIn) => standIn.requests.filter((request) => request.method === 'PUT' || request.method === 'DELETE');

async function signedInWorld(): Promise<TestWorld> {
  const started = await startWorld({ library: { size: 120, seed: 71 } });
  const popup = await started.openPopup();
  await popup.signIn();
  await popup.waitForSyncState('ready');
  await popup.page.close();
  return started;
}

describe('a web page', () => {
  it('cannot message the background, fetch or frame an extension page, or see its databases', async () => {
    world = await signedInWorld();
    await routeSpotifyPages(world);
    const unsaved = world.standIn.library.unsavedIds()[0]!;
    const page = await world.extension.context.newPage();
    await page.goto(`https://open.spotify.com/track/${unsaved}`);
    const id = world.extension.extensionId;

    const attempt = await page.evaluate(async (extensionId) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      const fetched = await fetch(`chrome-extension://${extensionId}/popup.html`).then(
        () => 'read',
        () => 'refused',
      );
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${extensionId}/library.html`;
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const databases = (await indexedDB.databases()).map((database) => database.name);
      return { sendMessage: typeof runtime?.sendMessage, fetched, databases };
    }, id);

    // No externally_connectable: the page has no messaging API towards Tracklight at all.
    expect(attempt.sendMessage).toBe('undefined');
    expect(attempt.fetched).toBe('refused');
    // The page's IndexedDB is its own: neither the tokens nor the library are there.
    expect(attempt.databases.filter((name) => name?.startsWith('tracklight'))).toEqual([]);
    // No web-accessible resources: the frame is an error page, never the library.
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed?.url() ?? '').not.toContain(`chrome-extension://${id}/library.html`);
    expect(libraryWrites(world.standIn)).toEqual([]);
    expect(world.standIn.library.isSaved(unsaved)).toBe(false);
  });
});

/** A second unpacked extension that tries to talk to Tracklight. */
const INTRUDER_MANIFEST = { manifest_version: 3, name: 'Intruder', version: '1.0', background: { service_worker: 'background.js' } };
const INTRUDER_BACKGROUND = `
self.sendTo = async (id, message) => {
  try { return { reply: await chrome.runtime.sendMessage(id, message) }; }
  catch (error) { return { error: String(error && error.message) }; }
};
self.connectTo = (id, message) => new Promise((resolve) => {
  const port = chrome.runtime.connect(id);
  const answers = [];
  port.onMessage.addListener((answer) => answers.push(answer));
  port.onDisconnect.addListener(() => resolve({ answers, error: chrome.runtime.lastError && chrome.runtime.lastError.message }));
  port.postMessage(message);
});
`;

interface TwoExtensions {
  context: BrowserContext;
  tracklightId: string;
  intruder: Worker;
}

/** Tracklight (the stand-in build) and the intruder side by side, in a fresh profile. */
async function launchWithIntruder(): Promise<TwoExtensions> {
  const intruderDir = await mkdtemp(join(tmpdir(), 'tracklight-intruder-'));
  await writeFile(join(intruderDir, 'manifest.json'), JSON.stringify(INTRUDER_MANIFEST));
  await writeFile(join(intruderDir, 'background.js'), INTRUDER_BACKGROUND);
  const profile = await mkdtemp(join(tmpdir(), 'tracklight-profile-'));
  const extensions = `${standInBuildDir()},${intruderDir}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
  });
  cleanup.push(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(intruderDir, { recursive: true, force: true });
  });
  const workers = async () => {
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker', { timeout: 15_000 });
    return context.serviceWorkers();
  };
  let tracklightId = '';
  let intruder: Worker | undefined;
  for (const worker of await workers()) {
    const name = await worker.evaluate(() => chrome.runtime.getManifest().name);
    if (name === 'Tracklight') tracklightId = new URL(worker.url()).host;
    else intruder = worker;
  }
  if (!tracklightId || !intruder) throw new Error('Both extensions should have started.');
  return { context, tracklightId, intruder };
}

describe('another extension', () => {
  it.each<[string, Record<string, unknown>]>([
    ['save a track', { type: 'setTrackSaved', saved: true }],
    ['remove a track', { type: 'setTrackSaved', saved: false }],
    ['read a tab’s track from the library', { type: 'getTabTrack', tabId: 1 }],
    ['sign the user out', { type: 'signOut' }],
    ['delete the library', { type: 'deleteLocalData' }],
  ])('cannot %s: no receiver, nothing happens', async (_name, request) => {
    const standIn = await startStandIn({ library: { size: 120, seed: 72 }, port: standInPort() });
    cleanup.push(() => standIn.close());
    const { context, tracklightId, intruder } = await launchWithIntruder();
    const popup = new PopupPage(await context.newPage());
    await popup.page.goto(`chrome-extension://${tracklightId}/popup.html`);
    await popup.signIn();
    await popup.waitForSyncState('ready');

    const savedId = standIn.library.savedIds()[3]!;
    const unsavedId = standIn.library.unsavedIds()[0]!;
    const message = { ...request, ...(request.type === 'setTrackSaved' ? { trackId: request.saved ? unsavedId : savedId } : {}) };
    const sent = await intruder.evaluate(([id, body]) => (self as unknown as { sendTo(i: string, m: unknown): Promise<unknown> }).sendTo(id, body), [
      tracklightId,
      message,
    ] as const);
    expect(sent).toEqual({ error: expect.stringMatching(/Receiving end does not exist/) });
    const connected = await intruder.evaluate(
      ([id, body]) => (self as unknown as { connectTo(i: string, m: unknown): Promise<{ answers: unknown[] }> }).connectTo(id, body),
      [tracklightId, message] as const,
    );
    expect(connected.answers).toEqual([]);

    await popup.page.waitForTimeout(300);
    expect(libraryWrites(standIn)).toEqual([]);
    expect(standIn.library.isSaved(unsavedId)).toBe(false);
    expect(standIn.library.isSaved(savedId)).toBe(true);
    await popup.page.reload();
    await popup.waitForSyncState('ready');
  });
});

describe('an extension page sending what fails validation', () => {
  it('gets `{ ok: false }` for each, and Spotify sees no save or removal', async () => {
    world = await signedInWorld();
    const trackId = world.standIn.library.unsavedIds()[0]!;
    const page = await world.extension.openPage('/options.html');
    const forged: unknown[] = [
      { type: 'setTrackSaved', trackId: '../../me/library', saved: true },
      { type: 'setTrackSaved', trackId: `${trackId},4uLU6hMCjMI75M1A2tKUQC`, saved: true },
      { type: 'setTrackSaved', trackId: `spotify:track:${trackId}`, saved: true },
      { type: 'setTrackSaved', trackId, saved: 'true' },
      { type: 'setTrackSaved', trackId, saved: true, uris: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC' },
      { type: 'getSession' },
      { type: 'getTabTrack', tabId: -1 },
      { type: 'getTabTrack', tabId: '1' },
      ['setTrackSaved', trackId, true],
      'signOut',
      null,
    ];
    const replies = await page.evaluate((messages) => Promise.all(messages.map((message) => chrome.runtime.sendMessage(message))), forged);
    expect(replies).toEqual(forged.map(() => ({ ok: false, error: 'Malformed request.' })));
    expect(libraryWrites(world.standIn)).toEqual([]);
    expect(world.standIn.library.isSaved(trackId)).toBe(false);
    // Still signed in: none of it ran.
    const popup = await world.openPopup();
    await popup.waitForSyncState('ready');
  });
});

describe('tokens', () => {
  it('are in neither storage.local nor storage.session, only in the extension’s own IndexedDB', async () => {
    world = await signedInWorld();
    const page = await world.extension.openPage('/options.html');
    const { stored, refreshToken } = await page.evaluate(async () => {
      const everything = JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tracklight-auth');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const session = await new Promise<{ refreshToken: string }>((resolve, reject) => {
        const request = db.transaction('session').objectStore('session').get('current');
        request.onsuccess = () => resolve(request.result as { refreshToken: string });
        request.onerror = () => reject(request.error);
      });
      db.close();
      return { stored: everything, refreshToken: session.refreshToken };
    });
    const tokens = [...world.standIn.auth.issuedAccessTokens, refreshToken];
    expect(tokens.length).toBeGreaterThan(1);
    expect(refreshToken.length).toBeGreaterThan(10);
    expect(tokens.filter((token) => stored.includes(token))).toEqual([]);
  });
});

/** Names an attacker would pick: markup, script, an RTL override, control characters, a huge string. */
const HOSTILE_NAMES = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '\u202Egnp.exe\u202C reversed',
  'bell\u0007 escape\u001b[31m null\u0000 end',
  `${'H'.repeat(100_000)}`,
];

describe('hostile track names', () => {
  it('show as plain text in the popup, its current-track card and the library page', async () => {
    world = await startWorld({ library: { size: 60, seed: 73 } });
    const { standIn } = world;
    const catalog = standIn.library.unsavedIds().slice(0, HOSTILE_NAMES.length);
    // Saved after everything else, so they lead the newest-first lists.
    HOSTILE_NAMES.forEach((name, index) => {
      const track = JSON.parse(JSON.stringify(standIn.library.track(catalog[index]!))) as TrackObject;
      track.name = name;
      track.artists = [{ ...track.artists[0]!, name: `<b>${index}</b><img src=y onerror="window.__pwned=5">` }];
      track.album = { ...track.album, name: `<iframe src="javascript:window.__pwned=6"></iframe>${index}` };
      standIn.library.insertRaw({ added_at: `2030-01-01T00:00:${String(59 - index).padStart(2, '0')}Z`, track }, 0);
    });
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready');
    await routeSpotifyPages(world);
    const tab = await openSpotifyTab(world, `https://open.spotify.com/track/${catalog[0]}`);

    const pages = {
      popup: (await world.openPopup()).page,
      'popup for the tab': (await world.openPopup(`?tab=${tab.tabId}`)).page,
      library: new LibraryPage(await world.extension.openPage('/library.html')).page,
    };
    await pages.popup.locator(`[data-track-id="${catalog[0]}"]`).waitFor();
    await pages['popup for the tab'].locator('[data-current-track]').waitFor();
    await pages.library.locator(`[data-track-id="${catalog[0]}"]`).waitFor();

    for (const [name, page] of Object.entries(pages)) {
      const seen = await page.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned,
        injected: document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], iframe, script:not([src]), b').length,
        handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).length,
        text: document.body.textContent ?? '',
      }));
      expect(seen.pwned, name).toBeUndefined();
      expect(seen.injected, name).toBe(0);
      expect(seen.handlers, name).toBe(0);
      // The markup is there, as text.
      expect(seen.text, name).toContain('<img src=x onerror="window.__pwned=1">');
    }
    const rows = await pages.popup.locator('[data-track-id]').allTextContents();
    expect(rows.some((row) => row.includes('<script>window.__pwned=2</script>'))).toBe(true);
    expect(await pages['popup for the tab'].locator('[data-current-track]').textContent()).toContain('<img src=x onerror=');
    expect(libraryWrites(standIn)).toEqual([]);
  });
});
