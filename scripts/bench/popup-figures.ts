/**
 * The popup's SPEC §8 rows, each against its floor (floor-pages.ts), opened alternately with
 * the popup in the same run at the popup's real size:
 * - popup opened to first results painted: ms from navigation start to the first paint of the
 *   first track row's text (Element Timing), over cold opens (a new document each time, as
 *   every click on the toolbar button makes), against the popup's first screen as a static page;
 * - keystroke to results shown: from a capture-phase `keydown` listener the bench adds to the
 *   frame after the `tracklight:results` mark set while the result list says
 *   `data-results-for` = the query as typed so far, over queries typed letter by letter,
 *   against the same static page with a ten-line script that rewrites its rows on `input`.
 */
import type { Page } from 'playwright-core';
import { standInBuildDir } from '../../test/browser/stand-in-build';
import * as budgets from './budgets';
import { buildSetsMark } from './build-marks';
import type { ExtensionSession } from './extension-session';
import { firstRowPaintTime, FLOOR_FILES, writeFloorPages } from './floor-pages';
import { installNameHelper } from './page-scripts';
import { figureRow, notMeasurableRow, type BenchRow } from './report';
import { median, percentile, spread } from './stats';

/** The size Chromium gives a popup of this width: the page is measured at the size users see. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
const COLD_OPENS = 10;
const PAINT_TIMEOUT_MS = 10_000;
const KEYSTROKE_TIMEOUT_MS = 3_000;
/** Past this many keystrokes without a results mark the popup does not set them: stop waiting. */
const MAX_MISSED = 10;
/** Queries typed in the popup, then the same in the floor, and so on: both see the same load. */
const QUERIES_PER_TURN = 8;

/** What the bench adds to the popup page to time keystrokes. */
interface KeystrokeProbe {
  /** `tracklight:results` marks: the list's `data-results-for` when each was set, and when its frame was made. */
  results: Array<{ query: string | null; at: number }>;
  lastKeydownAt: number;
  /**
   * ms from the last keydown to the results mark for `query` (one set since that keydown, or
   * any when `sinceKeydown` is false), and when that keydown came (ms since the page opened);
   * null if none comes within `timeoutMs`.
   */
  resultsFor(query: string, sinceKeydown: boolean, timeoutMs: number): Promise<{ ms: number; keydownAt: number } | null>;
}

declare global {
  interface Window {
    __benchKeystrokes?: KeystrokeProbe;
  }
}

/** `popup.html`, or a floor page, in a new tab at the popup's size. */
async function openPopupPage(session: ExtensionSession, file: string): Promise<Page> {
  const page = await session.extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  await installNameHelper(page);
  return page;
}

async function timeOpen(session: ExtensionSession, file: string): Promise<number | null> {
  const page = await openPopupPage(session, file);
  try {
    return await firstRowPaintTime(page, PAINT_TIMEOUT_MS);
  } finally {
    await page.close();
  }
}

/** Opens the popup once, waits for its covers, and copies its first screen into the floor pages. */
async function writePopupFloors(session: ExtensionSession): Promise<boolean> {
  const page = await openPopupPage(session, 'popup.html');
  try {
    if ((await firstRowPaintTime(page, PAINT_TIMEOUT_MS)) === null) return false;
    await page.waitForLoadState('networkidle');
    await writeFloorPages(standInBuildDir(), page, null);
    return true;
  } finally {
    await page.close();
  }
}

const NO_FIRST_ROW_PAINT = `no track row painted within ${PAINT_TIMEOUT_MS / 1000} s of opening the popup`;

/** The figure against its floor, and the absolute time beside it. */
function ratioRows(input: {
  figure: string;
  size: number;
  real: number;
  floor: number;
  ratioBudget: budgets.Budget;
  absoluteFigure: string;
  absoluteBudget: budgets.Budget | null;
  absoluteNotes: string;
  notes: string;
  details: Record<string, number>;
}): BenchRow[] {
  return [
    figureRow({
      figure: input.figure,
      size: input.size,
      value: input.real / input.floor,
      unit: '× floor',
      digits: 2,
      budget: input.ratioBudget,
      notes: input.notes,
      details: { realMs: input.real, floorMs: input.floor, ...input.details },
    }),
    figureRow({
      figure: input.absoluteFigure,
      size: input.size,
      value: input.real,
      unit: 'ms',
      digits: 1,
      budget: input.absoluteBudget,
      notes: input.absoluteNotes,
    }),
  ];
}

export async function measurePopupOpen(session: ExtensionSession, size: number): Promise<BenchRow[]> {
  const figure = `popup opened to first results painted (median of ${COLD_OPENS} cold opens, alternating with its floor)`;
  if (!(await writePopupFloors(session))) return [notMeasurableRow(figure, size, budgets.POPUP_OPEN_RATIO, NO_FIRST_ROW_PAINT)];
  const real: number[] = [];
  const floor: number[] = [];
  for (let open = 0; open < COLD_OPENS; open++) {
    const floorAt = await timeOpen(session, FLOOR_FILES.popup);
    const realAt = await timeOpen(session, 'popup.html');
    if (floorAt === null || realAt === null)
      return [notMeasurableRow(figure, size, budgets.POPUP_OPEN_RATIO, realAt === null ? NO_FIRST_ROW_PAINT : 'the floor page painted no row')];
    floor.push(floorAt);
    real.push(realAt);
  }
  const [realMs, floorMs] = [median(real), median(floor)];
  const fastFloor = floorMs <= budgets.FAST_FLOOR_MS;
  return ratioRows({
    figure,
    size,
    real: realMs,
    floor: floorMs,
    ratioBudget: budgets.POPUP_OPEN_RATIO,
    notes: `popup ${realMs.toFixed(0)} ms (${spread(real)}); floor ${floorMs.toFixed(0)} ms (${spread(floor)})`,
    details: { firstOpenMs: real[0]!, minMs: Math.min(...real), maxMs: Math.max(...real), floorMinMs: Math.min(...floor), floorMaxMs: Math.max(...floor) },
    absoluteFigure: 'popup opened to first results painted, absolute (median)',
    absoluteBudget: fastFloor ? budgets.POPUP_OPEN_MS : null,
    absoluteNotes: fastFloor
      ? `the floor took ${floorMs.toFixed(0)} ms (≤ ${budgets.FAST_FLOOR_MS} ms), so 150 ms applies`
      : `the floor took ${floorMs.toFixed(0)} ms (> ${budgets.FAST_FLOOR_MS} ms): only the ratio is a budget`,
  });
}

interface Typed {
  /** Each timed keystroke: what was typed so far, how long its results took, and when. */
  keystrokes: Array<{ typed: string; ms: number; keydownAt: number }>;
  missed: number;
}

/** Times keystrokes in an open popup or floor page; null when it has no timed result list. */
async function typeQueries(page: Page, queries: readonly string[]): Promise<Typed | null> {
  const box = page.locator('input[type="search"]');
  if ((await box.count()) === 0) return null;
  await page.evaluate(() => {
    // Each waiter checks the log when a mark comes; one page round trip per keystroke.
    const waiters = new Set<() => boolean>();
    const probe: KeystrokeProbe = {
      results: [],
      lastKeydownAt: 0,
      resultsFor(query, sinceKeydown, timeoutMs) {
        return new Promise((resolve) => {
          const from = sinceKeydown ? probe.lastKeydownAt : -Infinity;
          const check = () => {
            const hit = probe.results.find((result) => result.at >= from && result.query === query);
            if (hit) resolve({ ms: hit.at - probe.lastKeydownAt, keydownAt: probe.lastKeydownAt });
            return hit !== undefined;
          };
          if (check()) return;
          waiters.add(check);
          setTimeout(() => waiters.delete(check) && resolve(null), timeoutMs);
        });
      },
    };
    window.__benchKeystrokes = probe;
    const mark = performance.mark.bind(performance);
    // Read the list's query at the moment of the mark: the mark itself carries none. The
    // rows are shown when the frame after the mark has been made: a task posted from that
    // frame's animation callback runs once its style, layout and paint are done.
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      if (name === 'tracklight:results') {
        const query = document.querySelector('[data-results-for]')?.getAttribute('data-results-for') ?? null;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            probe.results.push({ query, at: performance.now() });
            for (const check of [...waiters]) if (check()) waiters.delete(check);
          };
          channel.port2.postMessage(null);
        });
      }
      return entry;
    };
    window.addEventListener('keydown', () => (probe.lastKeydownAt = performance.now()), { capture: true });
  });

  const keystrokes: Typed['keystrokes'] = [];
  let missed = 0;
  const resultsFor = (query: string, sinceKeydown: boolean) =>
    page.evaluate(([query, sinceKeydown, timeoutMs]) => window.__benchKeystrokes!.resultsFor(query, sinceKeydown, timeoutMs), [
      query,
      sinceKeydown,
      KEYSTROKE_TIMEOUT_MS,
    ] as const);

  for (const query of queries) {
    if ((await box.inputValue()) !== '') {
      await page.evaluate(() => (window.__benchKeystrokes!.results.length = 0));
      await box.fill('');
      await resultsFor('', false);
    }
    for (let length = 1; length <= query.length; length++) {
      if (missed > MAX_MISSED) return { keystrokes, missed };
      await page.keyboard.type(query[length - 1]!);
      const typed = query.slice(0, length);
      const result = await resultsFor(typed, true);
      if (result === null) missed++;
      else keystrokes.push({ typed, ...result });
    }
  }
  return keystrokes.length > 0 ? { keystrokes, missed } : null;
}

/** Types the queries in turns: some in a fresh popup, the same in a fresh floor page, and on. */
async function typeInTurns(session: ExtensionSession, queries: readonly string[]): Promise<{ real: Typed; floor: Typed } | string> {
  const real: Typed = { keystrokes: [], missed: 0 };
  const floor: Typed = { keystrokes: [], missed: 0 };
  for (let from = 0; from < queries.length; from += QUERIES_PER_TURN) {
    const turn = queries.slice(from, from + QUERIES_PER_TURN);
    for (const [file, into] of [
      ['popup.html', real],
      [FLOOR_FILES.keystroke, floor],
    ] as const) {
      const page = await openPopupPage(session, file);
      try {
        if ((await firstRowPaintTime(page, PAINT_TIMEOUT_MS)) === null)
          return file === 'popup.html' ? NO_FIRST_ROW_PAINT : 'the keystroke floor painted no row';
        const typed = await typeQueries(page, turn);
        if (!typed) return `no search box, or no \`tracklight:results\` mark with \`data-results-for\` in ${file}`;
        into.keystrokes.push(...typed.keystrokes);
        into.missed += typed.missed;
      } finally {
        await page.close();
      }
    }
  }
  return { real, floor };
}

export async function measureKeystrokes(session: ExtensionSession, size: number, queries: readonly string[]): Promise<BenchRow[]> {
  const figure = 'keystroke to results shown, p95';
  if (!(await buildSetsMark('tracklight:results')))
    return [notMeasurableRow(figure, size, budgets.KEYSTROKE_RATIO, 'the popup sets no `tracklight:results` mark yet')];
  const typed = await typeInTurns(session, queries);
  if (typeof typed === 'string') return [notMeasurableRow(figure, size, budgets.KEYSTROKE_RATIO, typed)];
  const { real, floor } = typed;
  const [realMs, floorMs] = [real, floor].map((side) => side.keystrokes.map((keystroke) => keystroke.ms)) as [number[], number[]];
  const keystrokes = realMs.length + real.missed;
  const [p95, floorP95] = [percentile(realMs, 0.95), percentile(floorMs, 0.95)];
  return ratioRows({
    figure: `${figure} (${keystrokes} keystrokes, ${queries.length} queries, alternating with its floor)`,
    size,
    real: p95,
    floor: floorP95,
    ratioBudget: budgets.KEYSTROKE_RATIO,
    notes:
      `popup p50/p95 ${percentile(realMs, 0.5).toFixed(1)}/${p95.toFixed(1)} ms, max ${Math.max(...realMs).toFixed(1)}; ` +
      `floor p50/p95 ${percentile(floorMs, 0.5).toFixed(1)}/${floorP95.toFixed(1)} ms` +
      (real.missed + floor.missed > 0 ? `; ${real.missed} popup and ${floor.missed} floor keystrokes got no results within ${KEYSTROKE_TIMEOUT_MS} ms` : '') +
      `; slowest: ${slowestKeystrokes(real.keystrokes)}`,
    details: {
      p50Ms: percentile(realMs, 0.5),
      p95Ms: p95,
      maxMs: Math.max(...realMs),
      floorP50Ms: percentile(floorMs, 0.5),
      keystrokes,
      missed: real.missed,
    },
    absoluteFigure: 'keystroke to results shown, p95, absolute',
    absoluteBudget: budgets.KEYSTROKE_P95_MS,
    absoluteNotes: 'one frame at 60 Hz',
  });
}

/** The popup's slowest keystrokes, where the p95 comes from: what was typed and when after opening. */
function slowestKeystrokes(keystrokes: Typed['keystrokes'], count = 6): string {
  return [...keystrokes]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ typed, ms, keydownAt }) => `"${typed}" ${ms.toFixed(0)} ms at ${(keydownAt / 1000).toFixed(1)} s`)
    .join(', ');
}
