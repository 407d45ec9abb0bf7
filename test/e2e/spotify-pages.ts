import type { Page } from 'playwright-core';
import type { TestWorld } from './fixtures';

/**
 * open.spotify.com in the tests: fixture HTML served through `context.route` (in Firefox, BiDi
 * request interception), a small stand-in for the web player — a single-page app that moves
 * between tracks with history.pushState.
 */
export const WEB_PLAYER_FIXTURE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spotify – Web Player</title></head>
<body><main id="app">Spotify web player (test fixture)</main></body></html>`;

export async function routeSpotifyPages(world: TestWorld): Promise<void> {
  await world.extension.context.route('https://open.spotify.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: WEB_PLAYER_FIXTURE }),
  );
}

export interface SpotifyTab {
  page: Page;
  tabId: number;
}

/** Opens a Spotify URL in a new tab and finds its tab id from the extension's side. */
export async function openSpotifyTab(world: TestWorld, url: string): Promise<SpotifyTab> {
  const page = await world.extension.context.newPage();
  await page.goto(url);
  const worker = await world.extension.serviceWorker();
  const tabId = await worker.evaluate(async (tabUrl) => {
    const tabs = await chrome.tabs.query({ url: 'https://open.spotify.com/*' });
    return tabs.find((tab) => tab.url === tabUrl)?.id ?? -1;
  }, page.url());
  if (tabId < 0) throw new Error(`No tab found for ${url}`);
  return { page, tabId };
}

/** In-page navigation the way the web player does it. */
export async function navigateInPage(tab: SpotifyTab, path: string): Promise<void> {
  await tab.page.evaluate((next) => history.pushState({}, '', next), path);
}

export async function badgeOf(world: TestWorld, tabId: number): Promise<{ text: string; title: string }> {
  const worker = await world.extension.serviceWorker();
  return worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}
