import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { launchExtension } from '../browser/launch-extension';
import { standInBuildDir, standInPort } from '../browser/stand-in-build';
import { CORPUS, CORPUS_LIBRARY, corpusHtml, READER_ENTRIES } from '../fixtures/sites/corpus/corpus';
import { corpusTrackObjects } from '../fixtures/sites/corpus/library-tracks';
import { startStandIn } from '../stand-in/server';
import { worldOf, type TestWorld } from './fixtures';

export { READER_ENTRIES };
/** The music sites with an entry each in `READER_ENTRIES`. */
export type FixtureSite = Exclude<keyof typeof READER_ENTRIES, 'generic'>;

/**
 * The stand-in build with the music sites' optional permissions granted at install — the
 * listed sites and the any-https-origin ceiling of "Enable on this site".
 *
 * Headless Chromium cannot answer the permission prompt that `permissions.request` opens (it
 * stays pending: there is no switch to accept it outside Chromium's own browser tests). A
 * request for permissions already granted resolves `true` without a prompt, so with this copy
 * the product's own path runs unchanged: the toggle in Options or the popup's button asks, the
 * setting is saved, the background registers the content script. Only the grant itself is made
 * up front — test harness, not product code.
 */
export async function sitesGrantedBuildDir(): Promise<string> {
  const source = standInBuildDir();
  const target = `${source}-sites-granted`;
  await rm(target, { recursive: true, force: true });
  await cp(source, target, { recursive: true });
  const manifestPath = `${target}/manifest.json`;
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, string[] | undefined>;
  manifest.permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  delete manifest.optional_permissions;
  delete manifest.optional_host_permissions;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return target;
}

export interface MusicSitesWorld extends TestWorld {
  /** Spotify track id of each song of the corpus library (test/fixtures/sites/corpus). */
  songIds: Record<string, string>;
}

/** The corpus pages by URL without fragment; a query the corpus does not name serves the page at its path. */
function corpusHtmlByUrl(): Map<string, string> {
  const htmlByUrl = new Map<string, string>();
  for (const entry of CORPUS) {
    const url = new URL(entry.url);
    const html = corpusHtml(entry.file);
    htmlByUrl.set(url.origin + url.pathname + url.search, html);
    if (!htmlByUrl.has(url.origin + url.pathname)) htmlByUrl.set(url.origin + url.pathname, html);
  }
  return htmlByUrl;
}

/**
 * A world like `startWorld`'s, on the granted build, with the corpus library saved (beside the
 * seeded one) and every corpus page served at its real URL.
 */
export async function startMusicSitesWorld(): Promise<MusicSitesWorld> {
  const standIn = await startStandIn({ library: { size: 200, seed: 7 }, port: standInPort() });
  const template = standIn.library.track(standIn.library.unsavedIds()[0])!;
  const added = corpusTrackObjects(template, CORPUS_LIBRARY);
  standIn.library.add(added);
  const extension = await launchExtension({ extensionDir: await sitesGrantedBuildDir() }).catch(async (error: unknown) => {
    await standIn.close();
    throw error;
  });
  const htmlByUrl = corpusHtmlByUrl();
  const serve = (route: Route) => {
    const url = new URL(route.request().url());
    const html = htmlByUrl.get(url.origin + url.pathname + url.search) ?? htmlByUrl.get(url.origin + url.pathname);
    return html === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  };
  for (const origin of new Set(CORPUS.map((entry) => new URL(entry.url).origin))) await extension.context.route(`${origin}/**`, serve);
  return {
    ...worldOf(standIn, extension),
    songIds: Object.fromEntries(CORPUS_LIBRARY.map((track, index) => [track.key, added[index].id])),
  };
}

export async function signIn(world: TestWorld): Promise<void> {
  const popup = await world.openPopup();
  await popup.signIn();
  await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
  await popup.page.close();
}

/** The ids of the content scripts the background registered, with their matches. */
export async function registeredScripts(world: TestWorld): Promise<Record<string, string[]>> {
  const worker = await world.extension.serviceWorker();
  return worker.evaluate(async () =>
    Object.fromEntries((await chrome.scripting.getRegisteredContentScripts()).map((script) => [script.id, script.matches ?? []])),
  );
}

/** Waits until the background registered content scripts with these ids. */
export async function waitForScripts(world: TestWorld, ids: readonly string[]): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const registered = await registeredScripts(world);
    if (ids.every((id) => id in registered)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Content scripts ${ids.join(', ')} were not registered`);
}

/** Switches sites on in Options (each toggle asks for its permission) and waits for their content scripts. */
export async function switchSitesOn(world: TestWorld, sites: readonly FixtureSite[]): Promise<Page> {
  const options = await world.openOptions();
  for (const site of sites) {
    // Not `check()`: the box shows the setting, which changes only once the permission is granted.
    const toggle = options.page.locator(`input[name="site-${site}"]`);
    await toggle.click();
    await toggle.and(options.page.locator(':checked')).waitFor();
  }
  await waitForScripts(
    world,
    sites.map((site) => `tracklight-site-${site}`),
  );
  return options.page;
}

export interface SiteTab {
  page: Page;
  tabId: number;
}

export async function openSiteTab(world: TestWorld, url: string): Promise<SiteTab> {
  const page = await world.extension.context.newPage();
  await page.goto(url);
  const worker = await world.extension.serviceWorker();
  const tabId = await worker.evaluate(async (tabUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === tabUrl)?.id ?? -1;
  }, page.url());
  if (tabId < 0) throw new Error(`No tab found for ${url}`);
  return { page, tabId };
}
