/**
 * A Chromium trace of the popup (issue 16): cold opens and keystrokes typed into a synced
 * library, summed per trace event on the page's main thread, with the script stacks behind
 * every forced style or layout. For finding where the time goes; `npm run bench` measures.
 *
 *   TRACKLIGHT_STANDIN_TLS=1 npx tsx scripts/trace-popup.ts [size] [out.json]
 *
 * TRACE_PROFILE=1: CPU profiles (CDP Profiler, 0.1 ms samples) of 5 cold opens and of the
 * keystrokes, self time per function, instead of the keystrokes' trace. TRACE_MARKS=1: each
 * open's performance marks, first-row paints and FCP. TRACE_WAIT=ms: wait before typing (so
 * that every chunk of tracks is in). The trace, with out.json, opens in DevTools' Performance
 * panel. TRACE_SCREENSHOT=file.png: the popup as opened, and with "lo" typed (file-typed.png).
 *
 * Needs the stand-in build (`npm run bench` leaves one; or TRACKLIGHT_STANDIN_TLS=1 npm run
 * build:standin).
 */
import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import { ExtensionSession } from './bench/extension-session';
import { firstRowPaintTime } from './bench/floor-pages';
import { installNameHelper } from './bench/page-scripts';
import { startStandInOnBuildPort } from './bench/stand-in-on-build-port';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: {
    data?: { stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }> };
    beginData?: { stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }> };
  };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'blink.user_timing',
  'v8.execute',
  'blink',
].join(',');

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

function summarize(label: string, events: TraceEvent[], per: number): void {
  // The renderer main thread: the one with the most ParseHTML/FunctionCall/Paint events.
  const counts = new Map<string, number>();
  for (const event of events) {
    if (['FunctionCall', 'Paint', 'Layout', 'UpdateLayoutTree', 'EventDispatch'].includes(event.name)) {
      const key = `${event.pid}:${event.tid}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((event) => `${event.pid}:${event.tid}` === main && event.ph === 'X' && event.dur !== undefined);
  const byName = new Map<string, { total: number; count: number }>();
  for (const event of onMain) {
    const entry = byName.get(event.name) ?? { total: 0, count: 0 };
    entry.total += event.dur! / 1000;
    entry.count++;
    byName.set(event.name, entry);
  }
  console.log(`\n== ${label}: main thread, per ${per === 1 ? 'run' : `one of ${per}`} (ms inclusive, count)`);
  for (const [name, { total, count }] of [...byName].sort((a, b) => b[1].total - a[1].total).slice(0, 28)) {
    console.log(`${(total / per).toFixed(2).padStart(9)}  ${(count / per).toFixed(1).padStart(6)}  ${name}`);
  }
  const forced = new Map<string, { total: number; count: number }>();
  for (const event of onMain) {
    if (event.name !== 'Layout' && event.name !== 'UpdateLayoutTree') continue;
    const stack = event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace;
    if (!stack?.length) continue;
    const key = `${event.name} ← ${stack
      .slice(0, 3)
      .map((frame) => `${frame.functionName || '(anon)'}@${frame.url.split('/').pop()}:${frame.lineNumber}`)
      .join(' ← ')}`;
    const entry = forced.get(key) ?? { total: 0, count: 0 };
    entry.total += event.dur! / 1000;
    entry.count++;
    forced.set(key, entry);
  }
  console.log(`-- forced style/layout (with a script stack):`);
  for (const [key, { total, count }] of [...forced].sort((a, b) => b[1].total - a[1].total).slice(0, 12)) {
    console.log(`${(total / per).toFixed(2).padStart(9)}  ${(count / per).toFixed(1).padStart(6)}  ${key}`);
  }
}

/** Runs in the page: its performance marks, the first row's paints, FCP and when parsing ended. */
function pageTimings(): string {
  const marks = performance.getEntriesByType('mark').map((mark) => `${mark.startTime.toFixed(0)} ${mark.name}`);
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime.toFixed(0);
  const paints = (window.__benchFirstRowPaints ?? []).map((time) => time.toFixed(0)).join(',');
  return [...marks, `first row paints ${paints}`, `FCP ${fcp} domInteractive ${navigation.domInteractive.toFixed(0)}`].join('\n');
}

async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.extension.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  return page;
}

const size = Number(process.argv[2] ?? 10_000);
const out = process.argv[3];
const standIn = await startStandInOnBuildPort({ size, seed: 1 }, 5, console.log);
const session = await ExtensionSession.launch();
try {
  await session.signInAndSync();
  const url = `chrome-extension://${session.extensionId}/popup.html`;
  // Warm: the first open after the sync compiles and fills storage.session's first screen.
  for (let warm = 0; warm < 2; warm++) {
    const page = await openPopup(session);
    await page.goto(url);
    await firstRowPaintTime(page, 10_000);
    await page.close();
  }

  if (process.env.TRACE_SCREENSHOT) {
    const page = await openPopup(session);
    await page.goto(url);
    await firstRowPaintTime(page, 10_000);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: process.env.TRACE_SCREENSHOT });
    await page.locator('input[type="search"]').pressSequentially('lo');
    await page.waitForSelector('[data-results-for="lo"]');
    await page.waitForTimeout(800);
    await page.screenshot({ path: process.env.TRACE_SCREENSHOT.replace(/\.png$/, '-typed.png') });
    await page.close();
  }
  if (process.env.TRACE_PROFILE) {
    const page = await openPopup(session);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const self = new Map<string, number>();
    const opens = 5;
    for (let open = 0; open < opens; open++) {
      await page.goto('about:blank');
      await cdp.send('Profiler.start');
      await page.goto(url);
      console.log(`open ${open}: first row at ${await firstRowPaintTime(page, 10_000)} ms`);
      if (process.env.TRACE_MARKS) console.log(await page.evaluate(pageTimings));
      const { profile } = await cdp.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const ms = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
      for (const sample of profile.samples ?? []) {
        const frame = byId.get(sample)!.callFrame;
        const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + ms);
      }
      if (open === opens - 1) await writeFile('/tmp/b16/open.cpuprofile', JSON.stringify(profile));
    }
    console.log('\n== opens, CPU profile self time per open');
    for (const [key, total] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(total / opens).toFixed(2).padStart(8)}  ${key}`);
    await page.close();
  }
  const OPENS = 5;
  const openPage = await openPopup(session);
  const openCdp = await openPage.context().newCDPSession(openPage);
  const times: number[] = [];
  const openEvents = await traced(openCdp, async () => {
    for (let open = 0; open < OPENS; open++) {
      await openPage.goto(url);
      times.push((await firstRowPaintTime(openPage, 10_000)) ?? Number.NaN);
    }
  });
  console.log(`first row painted at ${times.map((time) => time.toFixed(0)).join(', ')} ms`);
  summarize('cold opens', openEvents, OPENS);
  await openPage.close();

  const page = await openPopup(session);
  await page.goto(url);
  await firstRowPaintTime(page, 10_000);
  await installNameHelper(page);
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __log: string[] }).__log = log;
    let keydownAt = 0;
    const opened = performance.now();
    window.addEventListener('keydown', () => (keydownAt = performance.now()), { capture: true });
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      const query = document.querySelector('[data-results-for]')?.getAttribute('data-results-for');
      const from = keydownAt;
      const markAt = performance.now() - from;
      const rows = document.querySelectorAll('[data-track-id]').length;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          log.push(`${query}: ${(performance.now() - from).toFixed(1)} ms, mark at ${markAt.toFixed(1)} with ${rows} rows (at ${(from - opened).toFixed(0)})`);
        channel.port2.postMessage(null);
      });
      return entry;
    };
  });
  if (process.env.TRACE_WAIT) await page.waitForTimeout(Number(process.env.TRACE_WAIT));
  const cdp = await page.context().newCDPSession(page);
  const words = ['love', 'night', 'the', 'dance', 'moon', 'blue', 'heart', 'river'];
  let typed = 0;
  const typeAll = async () => {
    for (const word of words) {
      await page.locator('input[type="search"]').fill('');
      await page.waitForSelector('[data-results-for=""]');
      for (let length = 1; length <= word.length; length++) {
        await page.keyboard.type(word[length - 1]!);
        await page.waitForSelector(`[data-results-for="${word.slice(0, length)}"]`);
        await page.waitForTimeout(30);
        typed++;
      }
    }
  };
  let keyEvents: TraceEvent[] = [];
  if (process.env.TRACE_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await typeAll();
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const counts = new Map<number, number>();
    for (const sample of profile.samples ?? []) counts.set(sample, (counts.get(sample) ?? 0) + 1);
    const ms = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
    for (const [id, count] of counts) {
      const frame = byId.get(id)!.callFrame;
      const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + count * ms);
    }
    console.log(`\n== keystrokes, CPU profile self time per keystroke (of ${typed})`);
    for (const [key, total] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(total / typed).toFixed(2).padStart(8)}  ${key}`);
    await writeFile('/tmp/b16/profile.cpuprofile', JSON.stringify(profile));
  } else {
    keyEvents = await traced(cdp, typeAll);
    summarize('keystrokes', keyEvents, typed);
  }
  console.log((await page.evaluate(() => (window as unknown as { __log: string[] }).__log)).join('\n'));
  if (out) await writeFile(out, JSON.stringify({ traceEvents: [...openEvents, ...keyEvents] }));
} finally {
  await session.close();
  await standIn.close();
}
