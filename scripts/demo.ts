/**
 * `npm run demo`: Tracklight against the Spotify stand-in, in Chromium.
 * With a display: a browser window to use, until Ctrl-C. Without one: headless, signs in,
 * waits for the first sync and saves screenshots to demo-output/, in English, Simplified and
 * Traditional Chinese (Chromium's --lang; a CJK font is installed if missing). The stand-in limits requests
 * as Spotify does (DEMO_RATE_LIMIT per rolling 30 s), so what it shows is what users get.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../test/browser/launch-extension';
import { standInPort, standInTls } from '../test/browser/stand-in-build';
import { startStandIn } from '../test/stand-in/server';

const DEMO_LIBRARY_SIZE = 3000;
/** Spotify's rolling limit is on, as for real users: requests per 30 s per Client ID (test/stand-in/rate-limiter.ts). */
const DEMO_RATE_LIMIT = 600;
const OUTPUT_DIR = resolve(import.meta.dirname, '../demo-output');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

console.log('Building the extension against the stand-in…');
execFileSync('npm', ['run', '--silent', 'build:standin'], { stdio: ['ignore', 'ignore', 'inherit'] });

const standIn = await startStandIn({
  port: standInPort(),
  tls: standInTls(),
  library: { size: DEMO_LIBRARY_SIZE, seed: 1 },
  latencyMs: 40,
  rateLimit: DEMO_RATE_LIMIT,
  consentPage: hasDisplay,
});
console.log(`Spotify stand-in at ${standIn.url} with ${standIn.library.total} saved tracks, limited to ${DEMO_RATE_LIMIT} requests per rolling 30 s.`);
/** The UI languages the headless demo photographs (SPEC §1 item 7), with the file name suffix of each. */
const LANGUAGES = [
  { lang: 'en-US', suffix: '' },
  { lang: 'zh-CN', suffix: '.zh-CN' },
  { lang: 'zh-TW', suffix: '.zh-TW' },
] as const;

if (hasDisplay) {
  const extension = await launchExtension({ headless: false });
  async function shutDown(): Promise<void> {
    await extension.close();
    await standIn.close();
  }
  await extension.openPage('/popup.html');
  console.log('Chromium is open with Tracklight. The popup is open in a tab; the toolbar icon opens it too.');
  console.log('Press Ctrl-C to stop.');
  process.once('SIGINT', () => void shutDown().then(() => process.exit(0)));
} else {
  ensureCjkFont();
  await mkdir(OUTPUT_DIR, { recursive: true });
  const shots: string[] = [];
  for (const { lang, suffix } of LANGUAGES) shots.push(...(await photograph(lang, suffix)));
  await standIn.close();
  console.log(`No display found, so the demo ran headless. Screenshots:\n${shots.map((file) => `  ${file}`).join('\n')}`);
}

/** A fresh profile in one UI language: sign in, first sync, then the popup, options and library page. */
async function photograph(lang: string, suffix: string): Promise<string[]> {
  const extension = await launchExtension({ headless: true, args: [`--lang=${lang}`] });
  const popup = await extension.openPage('/popup.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  // The sign-in panel's one button, whatever its words.
  await popup.locator('.sign-in button.primary').click();
  await popup.locator('[data-sync-state="ready"]').waitFor({ timeout: 120_000 });
  const shots: string[] = [];
  async function capture(page: Page, name: string): Promise<void> {
    const file = resolve(OUTPUT_DIR, `${name}${suffix}.png`);
    // The viewport, as a person sees it: a full-page capture of the library is 100,000+ pixels tall.
    await page.screenshot({ path: file });
    shots.push(file);
  }
  async function open(path: string, size: { width: number; height: number }): Promise<Page> {
    const page = await extension.openPage(path);
    await page.setViewportSize(size);
    await page.waitForLoadState('networkidle');
    return page;
  }
  await capture(await open('/popup.html', { width: 380, height: 600 }), 'popup');
  await capture(await open('/options.html', { width: 900, height: 900 }), 'options');
  const library = await open('/library.html', { width: 1280, height: 900 });
  await capture(library, 'library');
  await library.mouse.wheel(0, 20_000);
  await library.waitForFunction(() => window.scrollY > 0);
  await library.waitForLoadState('networkidle');
  await capture(library, 'library-scrolled');
  await extension.close();
  return shots;
}

/**
 * Chinese screenshots need a CJK font, or every character is a box. Debian's fonts-noto-cjk is
 * installed when no font covers Chinese (as root, as in CI); otherwise the demo says what to install.
 */
function ensureCjkFont(): void {
  const covering = (lang: string) => execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).trim() !== '';
  try {
    if (covering('zh-cn') && covering('zh-tw')) return;
  } catch {
    // No fontconfig: Chromium would find no fonts either; apt-get below brings both.
  }
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's fonts-noto-cjk, so that the Chinese screenshots show characters…");
    const install = 'apt-get install -y -qq fonts-noto-cjk || (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk)';
    execFileSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.warn('No Chinese font found: the zh-CN and zh-TW screenshots will show boxes. Install one: sudo apt-get install fonts-noto-cjk');
  }
}
