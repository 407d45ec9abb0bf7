/**
 * Tab URL change to badge set (SPEC §8: ≤ 100 ms). A tab shows open.spotify.com (fixture
 * HTML through `context.route`, a stand-in for the web player) and moves between tracks with
 * `history.pushState`, as the web player does. The page takes `Date.now()` right before each
 * move; the service worker polls `action.getBadgeText` for that tab in a tight loop and takes
 * `Date.now()` when the text changes (one machine, one clock). Moves alternate between saved
 * (✓) and unsaved (+) tracks so that every move changes the text.
 */
import type { Worker } from 'playwright-core';
import * as budgets from './budgets';
import type { ExtensionSession } from './extension-session';
import { installNameHelper } from './page-scripts';
import { figureRow, type BenchRow } from './report';
import type { StandInThread } from './stand-in-thread';
import { median, percentile, spread } from './stats';

const MOVES = 24;
const POLL_TIMEOUT_MS = 5_000;
/** Lets the service worker's polling loop start before the page moves. */
const POLL_HEAD_START_MS = 30;

const WEB_PLAYER_FIXTURE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spotify – Web Player</title></head>
<body><main>Spotify web player (bench fixture)</main></body></html>`;

async function serviceWorker(session: ExtensionSession): Promise<Worker> {
  const worker = await session.extension.serviceWorker();
  await installNameHelper(worker);
  return worker;
}

/** Runs in the service worker: the badge text once it differs from `before`, and when. */
async function awaitBadgeChange({ tabId, before, timeoutMs }: { tabId: number; before: string; timeoutMs: number }) {
  const start = Date.now();
  for (;;) {
    const text = await chrome.action.getBadgeText({ tabId });
    const at = Date.now();
    if (text !== before) return { text, at };
    if (at - start > timeoutMs) return { text, at: null };
  }
}

export async function measureBadge(session: ExtensionSession, standIn: StandInThread, size: number): Promise<BenchRow[]> {
  const context = session.extension.context;
  await context.route('https://open.spotify.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: WEB_PLAYER_FIXTURE }),
  );
  // Saved tracks spread over the whole library, and catalog tracks that are not saved.
  const positions = Array.from({ length: MOVES }, (_, index) => Math.floor(((index + 0.5) * size) / (MOVES + 1)));
  const savedTracks = await standIn.call({ op: 'tracksAt', positions });
  const saved = savedTracks.flatMap((track) => (track ? [track.id] : []));
  const unsaved = await standIn.call({ op: 'unsavedIds', count: MOVES });

  const page = await context.newPage();
  try {
    await page.goto(`https://open.spotify.com/track/${saved[0]}`);
    let worker = await serviceWorker(session);
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({ url: 'https://open.spotify.com/*' })).find((tab) => tab.url === url)?.id ?? -1,
      page.url(),
    );
    if (tabId < 0) throw new Error('the Spotify tab was not found from the service worker');
    // The first track's badge, from nothing.
    await worker.evaluate(awaitBadgeChange, { tabId, before: '', timeoutMs: POLL_TIMEOUT_MS });

    const samples: number[] = [];
    const byText: Record<string, number[]> = {};
    for (let move = 1; move <= MOVES; move++) {
      const trackId = move % 2 === 1 ? unsaved[move] : saved[move % saved.length];
      if (!trackId) continue;
      worker = await serviceWorker(session);
      const before = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      const changed = worker.evaluate(awaitBadgeChange, { tabId, before, timeoutMs: POLL_TIMEOUT_MS });
      await new Promise((resolve) => setTimeout(resolve, POLL_HEAD_START_MS));
      const movedAt = await page.evaluate((path) => {
        const at = Date.now();
        history.pushState({}, '', path);
        return at;
      }, `/track/${trackId}`);
      const { text, at } = await changed;
      if (at === null) throw new Error(`the badge stayed "${before}" for ${POLL_TIMEOUT_MS} ms after a move to ${trackId}`);
      samples.push(at - movedAt);
      byText[text] ??= [];
      byText[text].push(at - movedAt);
    }
    return [
      figureRow({
        figure: `tab URL change to badge set (median of ${samples.length})`,
        size,
        value: median(samples),
        unit: 'ms',
        budget: budgets.BADGE_MS,
        notes: `p95 ${percentile(samples, 0.95)} ms; ${Object.entries(byText)
          .map(([text, times]) => `"${text}" median ${median(times)} ms`)
          .join(', ')}; ${spread(samples)}`,
        details: { p95Ms: percentile(samples, 0.95), maxMs: Math.max(...samples) },
      }),
    ];
  } finally {
    await page.close();
    await context.unroute('https://open.spotify.com/**');
  }
}
