/**
 * SPEC §8's restore row: an Exportify CSV of 1,000 tracks restored into an empty account, in
 * Chromium, through the library page as a user does it (file input, summary, Restore), against
 * a stand-in of its own. Measured from the click on Restore to `[data-restore-state="done"]`,
 * both seen in the page; calls and 429s are counted by the stand-in, whose rolling limit is
 * SPEC §8's L = 120 requests per 30 s from the click on. The restore must come out exact (the
 * library in its old order, each track in one call), or the figure is not taken.
 */
import * as budgets from './budgets';
import { ExtensionSession } from './extension-session';
import { figureRow, type BenchRow } from './report';
import { startStandInOnBuildPort } from './stand-in-on-build-port';

declare global {
  interface Window {
    /** When the restore panel first said `done` (bench only). */
    __benchRestoreDoneAt?: number;
  }
}

export interface RestorePlan {
  tracks: number;
  latencyMs: number;
}

const DONE_TIMEOUT_MS = 600_000;
/** SPEC §8: the restore row is measured under this rolling limit (requests per 30 s). */
const RESTORE_RATE_LIMIT = 120;

export async function measureRestore(plan: RestorePlan, log: (line: string) => void): Promise<BenchRow[]> {
  const standIn = await startStandInOnBuildPort({ size: plan.tracks, seed: 3 }, plan.latencyMs, log);
  let session: ExtensionSession | null = null;
  try {
    const { csv, ids } = await standIn.call({ op: 'exportAndEmpty' });
    session = await ExtensionSession.launch();
    await session.signInAndSync();
    const page = await session.extension.openPage('/library.html#restore-file');
    await page.locator('input[type="file"][name="import-file"]').setInputFiles({ name: 'liked.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = page.locator('[data-import-summary]');
    await summary.waitFor({ timeout: 60_000 });
    const missing = Number(await summary.getAttribute('data-import-missing'));
    if (missing !== ids.length) throw new Error(`the summary finds ${missing} tracks missing, not ${ids.length}`);

    await standIn.call({ op: 'clearLog' });
    await standIn.call({ op: 'setRateLimit', limit: RESTORE_RATE_LIMIT });
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-restore-state="done"]')) {
          window.__benchRestoreDoneAt ??= Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-restore-state'] });
    });
    const clickedAt = await page.evaluate(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-import-summary] button')].find((candidate) =>
        /Restore/.test(candidate.textContent ?? ''),
      );
      if (!button) throw new Error('no Restore button beside the summary');
      const at = Date.now();
      button.click();
      return at;
    });
    const handle = await page.waitForFunction(() => window.__benchRestoreDoneAt, undefined, { timeout: DONE_TIMEOUT_MS, polling: 50 });
    const doneAt = (await handle.jsonValue()) as number;

    const { requests } = await standIn.call({ op: 'requests' });
    const api = requests.filter((request) => request.path.startsWith('/v1/') && request.path !== '/v1/me/tracks');
    const puts = api.filter((request) => request.method === 'PUT' && request.path === '/v1/me/library');
    const contains = api.filter((request) => request.path === '/v1/me/library/contains');
    const tooMany = api.filter((request) => request.status === 429).length;
    const savedUris = (await standIn.call({ op: 'savedUris' })).flat();
    const savedIds = await standIn.call({ op: 'savedIds' });
    if (JSON.stringify(savedIds) !== JSON.stringify(ids)) throw new Error('the library did not come back exactly, in its order');
    if (new Set(savedUris).size !== savedUris.length) throw new Error(`${savedUris.length - new Set(savedUris).size} tracks were sent twice`);

    const seconds = (doneAt - clickedAt) / 1000;
    const calls = puts.length + contains.length;
    const size = plan.tracks;
    const label = `restore of ${size.toLocaleString('en')} tracks`;
    return [
      figureRow({
        figure: `${label}: 429s`,
        size,
        value: tooMany,
        unit: '',
        budget: budgets.restore.rateLimited(),
        notes: `L = ${RESTORE_RATE_LIMIT} requests per 30 s on the stand-in, as Spotify limits an app`,
      }),
      figureRow({
        figure: `${label}: calls`,
        size,
        value: calls,
        unit: '',
        budget: budgets.restore.calls(size),
        notes: `${puts.length} × PUT /me/library, ${contains.length} × contains; exact, in its order, no track sent twice`,
      }),
      figureRow({
        figure: `${label}: Restore to done`,
        size,
        value: seconds,
        unit: 's',
        digits: 1,
        budget: budgets.restore.seconds(size, RESTORE_RATE_LIMIT),
        notes: `${plan.latencyMs} ms per request, L = ${RESTORE_RATE_LIMIT}; from the click on Restore to the panel saying done`,
      }),
    ];
  } finally {
    await session?.close();
    await standIn.close();
  }
}
