import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension } from '../browser/launch-extension';
import { standInBuildDir, standInPort } from '../browser/stand-in-build';
import { fixtureHtml, SITE_FIXTURES } from '../fixtures/sites/site-fixtures';
import { startStandIn } from '../stand-in/server';
import type { TrackObject } from '../stand-in/spotify-types';
import { worldOf, type TestWorld } from './fixtures';

export { SITE_FIXTURES };
export type FixtureSite = keyof typeof SITE_FIXTURES;

/**
 * The stand-in build with the music sites' optional permissions granted at install.
 *
 * Headless Chromium cannot answer the permission prompt that `permissions.request` opens (it
 * stays pending: there is no switch to accept it outside Chromium's own browser tests). A
 * request for permissions already granted resolves `true` without a prompt, so with this copy
 * the product's own path runs unchanged: the toggle in Options asks, the setting is saved, the
 * background registers the content script. Only the grant itself is made up front — test
 * harness, not product code.
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

/** Saved tracks that the fixture pages show (or a version of): added to the stand-in's library. */
export const FIXTURE_SONGS = {
  rhapsody: { name: 'Bohemian Rhapsody - Remastered 2011', artist: 'Queen', album: 'A Night At The Opera (2011 Remaster)', seconds: 354 },
  teenSpirit: { name: 'Smells Like Teen Spirit', artist: 'Nirvana', album: 'Nevermind (Remastered)', seconds: 301 },
  says: { name: 'Says', artist: 'Nils Frahm', album: 'Spaces', seconds: 499 },
  dogDays: { name: 'Dog Days Are Over', artist: 'Florence + The Machine', album: 'Lungs', seconds: 252 },
  hello: { name: 'Hello', artist: 'Adele', album: '25', seconds: 295 },
  midnightCity: { name: 'Midnight City', artist: 'M83', album: "Hurry Up, We're Dreaming", seconds: 243 },
} as const;
export type FixtureSong = keyof typeof FIXTURE_SONGS;

function fixtureTrack(template: TrackObject, key: FixtureSong, index: number): TrackObject {
  const song = FIXTURE_SONGS[key];
  const id = `Tracklight0Fixture${index}`.padEnd(22, 'x');
  return {
    ...template,
    id,
    uri: `spotify:track:${id}`,
    name: song.name,
    duration_ms: song.seconds * 1000,
    artists: [{ ...template.artists[0], id: `Tracklight0Artist${index}`.padEnd(22, 'x'), name: song.artist }],
    album: { ...template.album, id: `Tracklight0Album${index}`.padEnd(22, 'x'), name: song.album },
    external_ids: { isrc: `QZTLF26000${index.toString().padStart(2, '0')}` },
  };
}

export interface MusicSitesWorld extends TestWorld {
  /** Spotify track id of each fixture song. */
  songIds: Record<FixtureSong, string>;
}

/** A world like `startWorld`'s, on the granted build, with the fixture songs saved and the sites routed. */
export async function startMusicSitesWorld(): Promise<MusicSitesWorld> {
  const standIn = await startStandIn({ library: { size: 200, seed: 7 }, port: standInPort() });
  const template = standIn.library.track(standIn.library.unsavedIds()[0])!;
  const keys = Object.keys(FIXTURE_SONGS) as FixtureSong[];
  const added = keys.map((key, index) => fixtureTrack(template, key, index));
  standIn.library.add(added);
  const extension = await launchExtension({ extensionDir: await sitesGrantedBuildDir() }).catch(async (error: unknown) => {
    await standIn.close();
    throw error;
  });
  for (const fixture of Object.values(SITE_FIXTURES)) {
    const { origin, hostname } = new URL(fixture.url);
    const pattern = hostname.endsWith('.bandcamp.com') ? 'https://*.bandcamp.com/**' : `${origin}/**`;
    const body = fixtureHtml(fixture.file);
    await extension.context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }
  return {
    ...worldOf(standIn, extension),
    songIds: Object.fromEntries(keys.map((key, index) => [key, added[index].id])) as Record<FixtureSong, string>,
  };
}

export async function signIn(world: TestWorld): Promise<void> {
  const popup = await world.openPopup();
  await popup.signIn();
  await popup.page.locator('[data-sync-state="ready"]').waitFor({ timeout: 30_000 });
  await popup.page.close();
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
  const worker = await world.extension.serviceWorker();
  const expected = sites.map((site) => `tracklight-site-${site}`).sort();
  for (let attempt = 0; attempt < 50; attempt++) {
    const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));
    if (expected.every((id) => ids.includes(id))) return options.page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Content scripts for ${sites.join(', ')} were not registered`);
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
