import type { Page } from 'puppeteer-core';
import { libraryDbName } from '../../lib/library/db';
import { launchFirefoxExtension, type FirefoxLaunchOptions, type LaunchedFirefoxExtension } from '../browser/launch-firefox';
import { standInPort, standInTls } from '../browser/stand-in-build';
import { readPublishedLibrary } from '../e2e/library-snapshot';
import { WEB_PLAYER_FIXTURE } from '../e2e/spotify-pages';
import { startStandIn, type StandIn, type StandInOptions } from '../stand-in/server';
import { FirefoxPopup } from './popup-page';

export interface SpotifyTab {
  page: Page;
  tabId: number;
}

/** One test's world in Firefox: the stand-in on the build's port and a fresh Firefox profile. */
export interface FirefoxWorld {
  standIn: StandIn;
  firefox: LaunchedFirefoxExtension;
  openPopup(query?: string): Promise<FirefoxPopup>;
  openPage(path: string): Promise<Page>;
  /**
   * An extension page kept open for reading the extension's state (tabs, badges, IndexedDB):
   * Firefox's event page cannot be evaluated in over BiDi, its extension pages can.
   */
  extensionPage(): Promise<Page>;
  /** Opens an open.spotify.com URL in a new tab, served the web player fixture. */
  openSpotifyTab(url: string): Promise<SpotifyTab>;
  badgeOf(tabId: number): Promise<{ text: string; title: string }>;
  /** The published library of the stand-in's account, as `uri@added_at` (library-snapshot.ts). */
  cachedLibrary(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startFirefoxWorld(standInOptions: Omit<StandInOptions, 'port'> = {}, launchOptions: FirefoxLaunchOptions = {}): Promise<FirefoxWorld> {
  const standIn = await startStandIn({ library: { size: 200, seed: 7 }, ...standInOptions, port: standInPort(), tls: standInTls() });
  let firefox: LaunchedFirefoxExtension;
  try {
    firefox = await launchFirefoxExtension(launchOptions);
  } catch (error) {
    await standIn.close();
    throw error;
  }

  let helper: Page | undefined;
  async function extensionPage(): Promise<Page> {
    helper ??= await firefox.openPage('/options.html');
    return helper;
  }

  return {
    standIn,
    firefox,
    async openPopup(query = '') {
      const page = await firefox.openPage(`/popup.html${query}`);
      await page.setViewport({ width: 390, height: 600 });
      return new FirefoxPopup(page);
    },
    openPage: (path) => firefox.openPage(path),
    extensionPage,
    async openSpotifyTab(url) {
      const page = await firefox.browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        if (new URL(request.url()).origin === 'https://open.spotify.com') {
          void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: WEB_PLAYER_FIXTURE });
        } else {
          void request.continue();
        }
      });
      await page.goto(url);
      const tabId = await (await extensionPage()).evaluate(async (tabUrl) => {
        const tabs = await chrome.tabs.query({ url: 'https://open.spotify.com/*' });
        return tabs.find((tab) => tab.url === tabUrl)?.id ?? -1;
      }, page.url());
      if (tabId < 0) throw new Error(`No tab found for ${url}`);
      return { page, tabId };
    },
    async badgeOf(tabId) {
      return (await extensionPage()).evaluate(
        async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
        tabId,
      );
    },
    async cachedLibrary() {
      return (await extensionPage()).evaluate(readPublishedLibrary, libraryDbName(standIn.user.account_id!));
    },
    async close() {
      await firefox.close();
      await standIn.close();
    },
  };
}
