import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './firefox-path';
import { standInBuildDir } from './stand-in-build';

/** Firefox's states of an event page (toolkit/components/extensions/parent/ext-backgroundPage.js). */
export type BackgroundState = 'starting' | 'running' | 'suspending' | 'stopped';

export interface LaunchedFirefoxExtension {
  browser: Browser;
  /** `browser_specific_settings.gecko.id` of the installed build. */
  addonId: string;
  /** `moz-extension://<uuid>`, fixed for the add-on id by a pref so that tests can open its pages. */
  origin: string;
  /** Opens an extension page such as `/popup.html?tab=3` in a new tab, loaded. */
  openPage(path: string): Promise<Page>;
  /** Loads an extension page in a tab already open. */
  navigate(page: Page, path: string): Promise<void>;
  /**
   * Lets the add-on run in private windows, as the user can in about:addons (Firefox asks at
   * install otherwise). The add-on restarts: its open pages close.
   */
  allowInPrivateWindows(): Promise<void>;
  /** Opens a private window and returns its tab. */
  openPrivateWindow(): Promise<Page>;
  /** Where the add-on's event page is: Firefox suspends it when idle and starts it on an event. */
  backgroundState(): Promise<BackgroundState>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Default: the Firefox stand-in build (`npm run build:standin -- --browser firefox`). */
  extensionDir?: string;
  /** Extra preferences, e.g. `extensions.background.idle.timeout` (ms, 30000 by default). */
  prefs?: Record<string, string | number | boolean>;
  headless?: boolean;
}

/** Any UUID: Firefox gives each add-on a random one unless this pref names it. */
const EXTENSION_UUID = '7d1e3a52-4c0b-4f6e-9b2d-1a5c8e0f3b74';

/**
 * Firefox ESR driven over WebDriver BiDi (puppeteer-core, no browser download), with the
 * extension installed as a temporary add-on through BiDi's `webExtension.install`.
 *
 * Firefox starts with `--remote-allow-system-access`: only the browser's own (chrome) scope can
 * tell whether the add-on's event page is running or suspended (the suspension test waits for
 * that instead of sleeping), let the add-on into private windows and open one.
 */
export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefoxExtension> {
  const extensionDir = options.extensionDir ?? standInBuildDir('firefox');
  const addonId = await geckoId(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const bidi = bidiSession(browser);

  /** A string-valued expression evaluated in Firefox's own scope (the first browser window). */
  async function evaluateInChrome(expression: string): Promise<string> {
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as { contexts: Array<{ context: string }> };
    const [window] = tree.contexts;
    if (!window) throw new Error('Firefox has no browser window to evaluate in');
    const evaluated = (await bidi.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true })) as
      | { type: 'success'; result: { type: string; value?: unknown } }
      | { type: 'exception'; exceptionDetails: { text: string } };
    if (evaluated.type === 'exception') throw new Error(`Firefox (chrome scope): ${evaluated.exceptionDetails.text}`);
    return String(evaluated.result.value);
  }

  async function navigate(page: Page, path: string): Promise<void> {
    // Firefox sends no `load` event over BiDi for moz-extension documents, so page.goto()
    // never settles there: navigate with the protocol's own wait for a complete document.
    await bidi.send('browsingContext.navigate', { context: browsingContextId(page), url: `${origin}${path}`, wait: 'complete' });
  }

  return {
    browser,
    addonId,
    origin,
    async openPage(path) {
      const page = await browser.newPage();
      await navigate(page, path);
      return page;
    },
    navigate,
    async allowInPrivateWindows() {
      const allowed = await evaluateInChrome(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        await ExtensionPermissions.add(${JSON.stringify(addonId)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        await (await AddonManager.getAddonByID(${JSON.stringify(addonId)})).reload();
        return String(WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).privateBrowsingAllowed);
      })()`);
      if (allowed !== 'true') throw new Error(`${addonId} is still not allowed in private windows`);
    },
    async openPrivateWindow() {
      const before = new Set(browser.targets());
      const opened = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target));
      // Ready once its first page (about:privatebrowsing) has loaded: a navigation sent before
      // that is aborted by it.
      const isPrivate = await evaluateInChrome(`(async () => {
        const window = OpenBrowserWindow({ private: true });
        await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
        await window.delayedStartupPromise;
        const tab = window.gBrowser.selectedBrowser;
        while (tab.currentURI.spec !== 'about:privatebrowsing' || tab.webProgress.isLoadingDocument) {
          await new Promise((resolve) => window.setTimeout(resolve, 20));
        }
        return String(PrivateBrowsingUtils.isWindowPrivate(window));
      })()`);
      if (isPrivate !== 'true') throw new Error('Firefox opened a window that is not private');
      return (await (await opened).page())!;
    },
    async backgroundState() {
      const state = await evaluateInChrome(`WebExtensionPolicy.getByID(${JSON.stringify(addonId)})?.extension?.backgroundState`);
      return state as BackgroundState;
    },
    async close() {
      await browser.close();
    },
  };
}

interface BiDiSession {
  /** A raw WebDriver BiDi command; resolves with its `result`. */
  send(method: string, params: object): Promise<unknown>;
}

/**
 * The WebDriver BiDi session puppeteer drives Firefox with, for the commands its API does not
 * wrap (Firefox's `moz:scope`, navigation without a load event). Not in puppeteer's public types.
 */
function bidiSession(browser: Browser): BiDiSession {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  return { send: async (method, params) => (await connection.send(method, params)).result };
}

/** The BiDi browsing context of a page's main frame, which puppeteer keeps as the frame's id. */
function browsingContextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

async function geckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir} is not a Firefox build: its manifest has no gecko id`);
  return id;
}
