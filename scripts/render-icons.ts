/**
 * Renders assets/icon.svg to the PNG sizes the manifest uses (public/icon/N.png) with the
 * same Chromium the tests use. Run after changing the SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/browser/chromium-path';

const SIZES = [16, 32, 48, 128];

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({
      path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname,
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Wrote public/icon/{${SIZES.join(',')}}.png`);
