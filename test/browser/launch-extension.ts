import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path';
import { standInBuildDir, standInTls } from './stand-in-build';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (it may be replaced after a stop: call again). */
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page such as `/popup.html?tab=3` in a new tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /**
   * Accept the stand-in's self-signed certificate (and any other): for the TLS stand-in build.
   * Default: whether the stand-in build is one (`TRACKLIGHT_STANDIN_TLS`).
   */
  ignoreCertificateErrors?: boolean;
  /**
   * The Chromium profile to open, kept on close: launching again with it is a browser restart
   * (storage.local, IndexedDB and alarms carry over; storage.session does not). Default: a new
   * profile, deleted on close.
   */
  userDataDir?: string;
}

/** The launch recipe proven on this machine (README, "Browser tests"). */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? standInBuildDir();
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tracklight-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...((options.ignoreCertificateErrors ?? standInTls()) ? ['--ignore-certificate-errors'] : []),
      ...(options.args ?? []),
    ],
  });

  async function serviceWorker(): Promise<Worker> {
    const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  }

  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
