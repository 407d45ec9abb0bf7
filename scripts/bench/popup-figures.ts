/**
 * The popup's SPEC §8 rows, from the performance marks it sets (components/popup/ResultList):
 * - popup opened to first results shown: `tracklight:first-results`, ms from the navigation
 *   start of a fresh popup page, over cold opens (a new document each time, as every click
 *   on the toolbar button makes);
 * - keystroke to results shown: from a capture-phase `keydown` listener the bench adds to the
 *   `tracklight:results` mark set while the result list says `data-results-for` = the query
 *   as typed so far, over queries typed letter by letter.
 */
import type { Page } from 'playwright-core';
import * as budgets from './budgets';
import { buildSetsMark } from './build-marks';
import type { ExtensionSession } from './extension-session';
import { installNameHelper } from './page-scripts';
import { figureRow, notMeasurableRow, type BenchRow } from './report';
import { median, percentile, spread } from './stats';

/** The size Chromium gives a popup of this width: the page is measured at the size users see. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
const COLD_OPENS = 10;
const MARK_TIMEOUT_MS = 10_000;
const KEYSTROKE_TIMEOUT_MS = 3_000;
/** Past this many keystrokes without a results mark the popup does not set them: stop waiting. */
const MAX_MISSED = 10;

/** What the bench adds to the popup page to time keystrokes. */
interface KeystrokeProbe {
  /** `tracklight:results` marks: the list's `data-results-for` when each was set, and when. */
  results: Array<{ query: string | null; at: number }>;
  lastKeydownAt: number;
  /**
   * ms from the last keydown to the results mark for `query` (one set since that keydown, or
   * any when `sinceKeydown` is false); null if none comes within `timeoutMs`.
   */
  resultsFor(query: string, sinceKeydown: boolean, timeoutMs: number): Promise<number | null>;
}

declare global {
  interface Window {
    __benchKeystrokes?: KeystrokeProbe;
  }
}

async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.extension.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await installNameHelper(page);
  return page;
}

/** ms from navigation start to the mark, or null when the page never sets it. */
async function markTime(page: Page, name: string, timeoutMs = MARK_TIMEOUT_MS): Promise<number | null> {
  try {
    const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false, name, {
      timeout: timeoutMs,
      polling: 20,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

const NO_FIRST_RESULTS_MARK = 'the popup sets no `tracklight:first-results` mark yet';

export async function measurePopupOpen(session: ExtensionSession, size: number): Promise<BenchRow[]> {
  const figure = 'popup opened to first results shown';
  const budget = size === 100_000 ? budgets.POPUP_FIRST_RESULTS_100K : null;
  if (!(await buildSetsMark('tracklight:first-results'))) return [notMeasurableRow(figure, size, budget, NO_FIRST_RESULTS_MARK)];
  const samples: number[] = [];
  for (let open = 0; open < COLD_OPENS; open++) {
    const page = await openPopup(session);
    const at = await markTime(page, 'tracklight:first-results');
    await page.close();
    if (at === null) return [notMeasurableRow(figure, size, budget, `no \`tracklight:first-results\` mark within ${MARK_TIMEOUT_MS / 1000} s of opening`)];
    samples.push(at);
  }
  return [
    figureRow({
      figure: `${figure} (median of ${COLD_OPENS} cold opens)`,
      size,
      value: median(samples),
      unit: 'ms',
      budget,
      notes: `first open ${samples[0]!.toFixed(0)} ms; ${spread(samples)}`,
      details: { firstOpenMs: samples[0]!, minMs: Math.min(...samples), maxMs: Math.max(...samples) },
    }),
  ];
}

/** Times keystrokes in an open popup; null when the popup has no timed result list yet. */
async function typeQueries(page: Page, queries: readonly string[]): Promise<{ samples: number[]; missed: number } | null> {
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
            if (hit) resolve(hit.at - probe.lastKeydownAt);
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
    // Read the list's query at the moment of the mark: the mark itself carries none.
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      if (name === 'tracklight:results') {
        probe.results.push({ query: document.querySelector('[data-results-for]')?.getAttribute('data-results-for') ?? null, at: entry.startTime });
        for (const check of [...waiters]) if (check()) waiters.delete(check);
      }
      return entry;
    };
    window.addEventListener('keydown', () => (probe.lastKeydownAt = performance.now()), { capture: true });
  });

  const samples: number[] = [];
  let missed = 0;
  const resultsFor = (query: string, sinceKeydown: boolean) =>
    page.evaluate(([query, sinceKeydown, timeoutMs]) => window.__benchKeystrokes!.resultsFor(query, sinceKeydown, timeoutMs), [query, sinceKeydown, KEYSTROKE_TIMEOUT_MS] as const);

  for (const query of queries) {
    if ((await box.inputValue()) !== '') {
      await page.evaluate(() => (window.__benchKeystrokes!.results.length = 0));
      await box.fill('');
      await resultsFor('', false);
    }
    for (let length = 1; length <= query.length; length++) {
      if (missed > MAX_MISSED) return { samples, missed };
      await page.keyboard.type(query[length - 1]!);
      const ms = await resultsFor(query.slice(0, length), true);
      if (ms === null) missed++;
      else samples.push(ms);
    }
  }
  return samples.length > 0 ? { samples, missed } : null;
}

export async function measureKeystrokes(session: ExtensionSession, size: number, queries: readonly string[]): Promise<BenchRow[]> {
  const figure = 'keystroke to results shown, p95';
  const budget = budgets.keystrokeP95(size);
  if (!(await buildSetsMark('tracklight:results'))) return [notMeasurableRow(figure, size, budget, 'the popup sets no `tracklight:results` mark yet')];
  const page = await openPopup(session);
  try {
    if ((await markTime(page, 'tracklight:first-results')) === null) return [notMeasurableRow(figure, size, budget, NO_FIRST_RESULTS_MARK)];
    const typed = await typeQueries(page, queries);
    if (!typed) return [notMeasurableRow(figure, size, budget, 'no search box, or no `tracklight:results` mark with `data-results-for` yet')];
    const { samples, missed } = typed;
    const keystrokes = samples.length + missed;
    return [
      figureRow({
        figure: `${figure} (${keystrokes} keystrokes, ${queries.length} queries)`,
        size,
        value: percentile(samples, 0.95),
        unit: 'ms',
        digits: 1,
        budget,
        notes: `p50 ${percentile(samples, 0.5).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms${missed > 0 ? `; ${missed} keystrokes got no results mark within ${KEYSTROKE_TIMEOUT_MS} ms` : ''}`,
        details: { p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), maxMs: Math.max(...samples), keystrokes, missed },
      }),
    ];
  } finally {
    await page.close();
  }
}
