/**
 * The library page's SPEC §8 rows: page opened to first rows painted (the first track row's
 * text, by Element Timing, ms from navigation start, over fresh pages) against its floor — its
 * own first screen as a static page (floor-pages.ts), opened alternately in the same run — and
 * the most track rows (`[data-track-id]`) in the DOM at any time while scrolling from the top
 * of the list to the bottom and back, counted after every DOM mutation.
 */
import type { Page } from 'playwright-core';
import * as budgets from './budgets';
import { standInBuildDir } from '../../test/browser/stand-in-build';
import type { ExtensionSession } from './extension-session';
import { firstRowPaintTime, FLOOR_FILES, writeFloorPages } from './floor-pages';
import { installNameHelper } from './page-scripts';
import { figureRow, notMeasurableRow, type BenchRow } from './report';
import { median, spread } from './stats';

const OPENS = 5;
const PAINT_TIMEOUT_MS = 15_000;
const SCROLL_STEPS = 40;

async function openLibraryPage(session: ExtensionSession, file = 'library.html'): Promise<{ page: Page; firstRowsAt: number | null }> {
  const page = await session.extension.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  await installNameHelper(page);
  return { page, firstRowsAt: await firstRowPaintTime(page, PAINT_TIMEOUT_MS) };
}

async function timeFloorOpen(session: ExtensionSession): Promise<number | null> {
  const { page, firstRowsAt } = await openLibraryPage(session, FLOOR_FILES.library);
  await page.close();
  return firstRowsAt;
}

interface ScrollFigures {
  maxRows: number;
  /** Distinct first rows seen: proof that the list moved and rendered new rows. */
  distinctFirstRows: number;
  scrollable: boolean;
}

/** Runs in the page: scrolls the list's scroll container through its whole height. */
async function scrollThroughList(steps: number): Promise<ScrollFigures> {
  const countRows = () => document.querySelectorAll('[data-track-id]').length;
  let maxRows = countRows();
  const observer = new MutationObserver(() => (maxRows = Math.max(maxRows, countRows())));
  observer.observe(document.body, { childList: true, subtree: true });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  let container: Element | null = document.querySelector('[data-track-id]');
  while (container && !(container.scrollHeight > container.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(container).overflowY))) {
    container = container.parentElement;
  }
  const scroller = container ?? document.scrollingElement ?? document.documentElement;
  const firstRows = new Set<string>();
  const range = scroller.scrollHeight - scroller.clientHeight;
  for (let step = 0; step <= 2 * steps; step++) {
    // Down to the bottom, then back up: the list must drop rows either way.
    const fraction = step <= steps ? step / steps : (2 * steps - step) / steps;
    scroller.scrollTop = fraction * range;
    await frame();
    maxRows = Math.max(maxRows, countRows());
    const first = document.querySelector('[data-track-id]')?.getAttribute('data-track-id');
    if (first) firstRows.add(first);
  }
  observer.disconnect();
  return { maxRows, distinctFirstRows: firstRows.size, scrollable: range > 0 };
}

export async function measureLibraryPage(session: ExtensionSession, size: number): Promise<BenchRow[]> {
  const firstRowsFigure = `library page opened to first rows painted (median of ${OPENS}, alternating with its floor)`;
  const rowsFigure = 'library page: most rows in the DOM while scrolling';
  const samples: number[] = [];
  const floor: number[] = [];
  let last: Page | null = null;
  try {
    for (let open = 0; open <= OPENS; open++) {
      await last?.close();
      const { page, firstRowsAt } = await openLibraryPage(session);
      last = page;
      if (firstRowsAt === null) {
        const why = `no track row painted within ${PAINT_TIMEOUT_MS / 1000} s of opening`;
        return [notMeasurableRow(firstRowsFigure, size, budgets.LIBRARY_OPEN_RATIO, why), notMeasurableRow(rowsFigure, size, budgets.LIBRARY_ROWS_IN_DOM, why)];
      }
      if (open === 0) {
        // The first open only makes the floor: the page's first screen, covers loaded.
        await page.waitForLoadState('networkidle');
        await writeFloorPages(standInBuildDir(), null, page);
        continue;
      }
      samples.push(firstRowsAt);
      const floorAt = await timeFloorOpen(session);
      if (floorAt === null) return [notMeasurableRow(firstRowsFigure, size, budgets.LIBRARY_OPEN_RATIO, 'the floor page painted no row')];
      floor.push(floorAt);
    }
    const scroll = await last!.evaluate(scrollThroughList, SCROLL_STEPS);
    const [realMs, floorMs] = [median(samples), median(floor)];
    return [
      figureRow({
        figure: firstRowsFigure,
        size,
        value: realMs / floorMs,
        unit: '× floor',
        digits: 2,
        budget: budgets.LIBRARY_OPEN_RATIO,
        notes: `library page ${realMs.toFixed(0)} ms (${spread(samples)}); floor ${floorMs.toFixed(0)} ms (${spread(floor)})`,
        details: { realMs, floorMs, minMs: Math.min(...samples), maxMs: Math.max(...samples) },
      }),
      figureRow({
        figure: 'library page opened to first rows painted, absolute (median)',
        size,
        value: realMs,
        unit: 'ms',
        notes: 'for context: the ratio is the budget',
      }),
      figureRow({
        figure: rowsFigure,
        size,
        value: scroll.maxRows,
        unit: 'rows',
        budget: budgets.LIBRARY_ROWS_IN_DOM,
        notes: scroll.scrollable
          ? `top to bottom and back in ${2 * SCROLL_STEPS} steps; ${scroll.distinctFirstRows} different first rows seen`
          : 'the list did not scroll: its container was not found',
      }),
    ];
  } finally {
    await last?.close();
  }
}
