/**
 * The floors SPEC §8 measures the popup and the library page against: what the same browser,
 * in the same run, takes to show the same rows with no work at all. Times on a shared 2-core
 * machine swing with load; a ratio to a floor taken alternately with the real page does not.
 *
 * Each floor is the real page's own first screen, copied from the DOM once its rows are in:
 * same stylesheet, same markup, same cover images, the first rows only and no script. The
 * keystroke floor adds one small script that rewrites those rows on `input` and sets the
 * `tracklight:results` mark the popup sets. They are written into the built extension's
 * directory (Chromium reads an unpacked extension's files when they are asked for), so they
 * open at the extension's origin like the pages they stand for.
 *
 * When a row is painted: Element Timing. A script added to every page before its own
 * (`addInitScript`) gives the first track row and everything inside it an `elementtiming`
 * name as the row enters the DOM, so Chromium reports when its text was first painted: the
 * same measure for the real page and for its floor, which runs no script of its own.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { NAME_HELPER } from './page-scripts';

export const FIRST_ROW_TIMING = 'tracklight-first-row';
export const FLOOR_ROWS = 8;

export const FLOOR_FILES = {
  popup: 'bench-floor-popup.html',
  keystroke: 'bench-floor-keystroke.html',
  keystrokeScript: 'bench-floor-keystroke.js',
  library: 'bench-floor-library.html',
} as const;

declare global {
  interface Window {
    /** Render times (ms from navigation start) of the first track row's text, as reported. */
    __benchFirstRowPaints?: number[];
  }
}

/** Runs in every page before its scripts: names the first track row for Element Timing. */
function nameFirstRowForElementTiming(identifier: string): void {
  const paints: number[] = [];
  window.__benchFirstRowPaints = paints;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { identifier: string; renderTime: number; url: string }>) {
      // Text only: a cover image arriving later is not when the row could be read.
      if (entry.identifier === identifier && entry.url === '') paints.push(entry.renderTime);
    }
  }).observe({ type: 'element', buffered: true });
  const name = () => {
    const row = document.querySelector('[data-track-id]');
    if (!row || row.hasAttribute('elementtiming')) return;
    // Chromium reports text for the nearest block around it: name the row and all inside it.
    for (const element of [row, ...row.querySelectorAll('*')]) element.setAttribute('elementtiming', identifier);
  };
  // Mutation records come before the next paint, so the row is named before it is first painted.
  new MutationObserver(name).observe(document, { childList: true, subtree: true });
}

export async function installFirstRowTiming(context: BrowserContext): Promise<void> {
  // As source text, after the helper tsx's compiled functions need (page-scripts.ts).
  await context.addInitScript({ content: `${NAME_HELPER}\n(${nameFirstRowForElementTiming.toString()})(${JSON.stringify(FIRST_ROW_TIMING)});` });
}

/** ms from navigation start to the first paint of the first row's text; null if none within the time. */
export async function firstRowPaintTime(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(() => (window.__benchFirstRowPaints?.length ? Math.min(...window.__benchFirstRowPaints) : false), null, {
      timeout: timeoutMs,
      polling: 20,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/** Runs in a page: its document as static HTML, with the first `keep` track rows and no script. */
function staticCopy(keep: number): string {
  const root = document.documentElement.cloneNode(true) as HTMLElement;
  for (const element of root.querySelectorAll('script, link[rel="modulepreload"]')) element.remove();
  for (const row of [...root.querySelectorAll('[data-track-id]')].slice(keep)) row.remove();
  for (const element of root.querySelectorAll('[elementtiming]')) element.removeAttribute('elementtiming');
  return `<!doctype html>\n${root.outerHTML}`;
}

/**
 * The keystroke floor's whole script: rewrite the rows, say which query they are for, mark.
 * Ten lines, as SPEC §8 describes it.
 */
const KEYSTROKE_FLOOR_SCRIPT = `const box = document.querySelector('input[type="search"]');
const list = document.querySelector('ol.results');
const titles = [...list.querySelectorAll('[data-track-id] .result-title')];
box.addEventListener('input', () => {
  const query = box.value;
  titles.forEach((title, index) => (title.textContent = query + ' ' + (index + 1)));
  list.setAttribute('data-results-for', query);
  performance.mark('tracklight:results');
});
box.focus();
`;

/** Copies the open popup and library page into floor pages in the extension's directory. */
export async function writeFloorPages(extensionDir: string, popup: Page | null, library: Page | null): Promise<void> {
  if (popup) {
    const html = await popup.evaluate(staticCopy, FLOOR_ROWS);
    await writeFile(join(extensionDir, FLOOR_FILES.popup), html);
    const withScript = html.replace('</body>', `<script src="/${FLOOR_FILES.keystrokeScript}"></script></body>`);
    await writeFile(join(extensionDir, FLOOR_FILES.keystroke), withScript);
    await writeFile(join(extensionDir, FLOOR_FILES.keystrokeScript), KEYSTROKE_FLOOR_SCRIPT);
  }
  if (library) {
    // The library page shows as many rows as fit its window: the floor keeps the same screenful.
    const rowsOnScreen = await library.evaluate(
      () => [...document.querySelectorAll('[data-track-id]')].filter((row) => row.getBoundingClientRect().top < innerHeight).length,
    );
    await writeFile(join(extensionDir, FLOOR_FILES.library), await library.evaluate(staticCopy, rowsOnScreen));
  }
}
