/**
 * SPEC §8's sync rows, measured in Chromium with the built extension: the full sync that
 * signing in starts (wall time, requests, peak concurrency, bytes per track), then
 * incremental syncs ("Sync now") after the stand-in's library changed as it would on another
 * device. Requests are counted by the stand-in, the wall time by the extension page that
 * watches the sync state. The stand-in speaks HTTP/2 over TLS unless the bench runs with
 * `--http1`; the rows say which protocol the sync's requests actually used.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as budgets from './budgets';
import { ExtensionSession, type SyncRun } from './extension-session';
import { describeStores, serializedLibrary } from './library-bytes';
import { naiveSequentialSync } from './naive-sync';
import { measureStandInCapacity } from './stand-in-capacity';
import { figureRow, type BenchRow } from './report';
import { randomPositions, seededRandom } from './seeded-random';
import type { RequestRecord, StandInThread } from './stand-in-thread';

/** The latency SPEC §8's time budgets are stated at. */
const SPEC_LATENCY_MS = 100;

interface SyncTraffic {
  tracksRequests: number;
  /** Of those, answered 429 by the stand-in's rate limit. */
  rateLimited: number;
  /** Web API requests other than `/me/tracks`, by path (there should be none). */
  otherApiRequests: string[];
  peakConcurrency: number;
  /** Requests in flight on average between the first start and the last end. */
  meanInFlight: number;
  firstRequestAt: number | null;
  /** When the last `/me/tracks` response ended: what is left after it is the sync's own work (publishing). */
  lastResponseAt: number | null;
  /** The protocols the `/me/tracks` requests came over, e.g. `HTTP/2`. */
  protocols: string;
}

async function trafficSinceClear(standIn: StandInThread): Promise<SyncTraffic> {
  const { requests, peakConcurrency } = await standIn.call({ op: 'requests' });
  const api = requests.filter((request) => request.path.startsWith('/v1/'));
  const tracks = api.filter((request) => request.path === '/v1/me/tracks');
  // `GET /v1/me` belongs to signing in, not to the sync.
  const other = api.filter((request) => request.path !== '/v1/me/tracks' && request.path !== '/v1/me');
  const endOf = (request: RequestRecord) => request.endedAt ?? request.startedAt;
  const first = tracks.reduce((earliest, request) => Math.min(earliest, request.startedAt), Infinity);
  const last = tracks.reduce((latest, request) => Math.max(latest, endOf(request)), -Infinity);
  const busy = tracks.reduce((sum, request) => sum + endOf(request) - request.startedAt, 0);
  return {
    tracksRequests: tracks.length,
    rateLimited: tracks.filter((request) => request.status === 429).length,
    meanInFlight: last > first ? busy / (last - first) : 0,
    otherApiRequests: other.map((request) => `${request.method} ${request.path}`),
    peakConcurrency,
    firstRequestAt: tracks.length > 0 ? first : null,
    lastResponseAt: tracks.length > 0 ? last : null,
    protocols: [...new Set(tracks.map((request) => (request.httpVersion === '2.0' ? 'HTTP/2' : `HTTP/${request.httpVersion}`)))].join(' and ') || 'none',
  };
}

/** Why the peak is what it is: Chromium queues a host's requests beyond 6 HTTP/1.1 connections. */
function concurrencyNote(traffic: SyncTraffic): string {
  return traffic.protocols === 'HTTP/2'
    ? 'over HTTP/2: one connection, requests multiplexed (the sync allows up to 8)'
    : `over ${traffic.protocols}: Chromium opens at most 6 connections to a host, so the sync's 8 requests queue there`;
}

export interface FullSyncPlan {
  size: number;
  latencyMs: number;
  /** Whether this is a timed row of SPEC §8, or only how the library got into the extension. */
  timed: boolean;
}

/**
 * What the stand-in's own speed allows, measured just before the sync: on a busy machine it
 * can take most of the wall time, and then the figure says more about the machine than about
 * the extension. A probe of a few seconds, so only a rough guide.
 */
function standInFloorNote(pages: number, pagesPerSecond: number): string {
  return `stand-in alone served ${pagesPerSecond.toFixed(0)} pages/s just before (${(pages / pagesPerSecond).toFixed(1)} s for ${pages} pages at that rate)`;
}

export interface FullSyncFigures {
  rows: BenchRow[];
  /** Wall time of the sync alone. */
  seconds: number;
}

/** Signs in, which starts the first (full) sync, and measures it. */
export async function measureFullSync(session: ExtensionSession, standIn: StandInThread, plan: FullSyncPlan): Promise<FullSyncFigures> {
  const { size, latencyMs, timed } = plan;
  const pagesPerSecond = await measureStandInCapacity(standIn, latencyMs);
  const usageBefore = await session.storageUsage();
  await standIn.call({ op: 'clearLog' });
  const run = await session.signInAndSync();
  const traffic = await trafficSinceClear(standIn);
  // From the sync's first page request: signing in (three round trips) is not the sync.
  const wallMs = run.readyAt - (traffic.firstRequestAt ?? run.requestedAt);
  const signInToReadyMs = run.readyAt - run.requestedAt;
  const afterLastResponseMs = run.readyAt - (traffic.lastResponseAt ?? run.readyAt);
  const seconds = wallMs / 1000;

  if (!timed) {
    const rows = [
      figureRow({
        figure: `library loaded for the page figures (full sync at ${latencyMs} ms/request)`,
        size,
        value: seconds,
        unit: 's',
        digits: 1,
        notes: `${traffic.tracksRequests} requests over ${traffic.protocols}, peak concurrency ${traffic.peakConcurrency}; ${standInFloorNote(traffic.tracksRequests, pagesPerSecond)}; not a SPEC row`,
        details: { standInPagesPerSecond: pagesPerSecond },
      }),
    ];
    return { rows, seconds };
  }

  const timeBudget = latencyMs === SPEC_LATENCY_MS ? budgets.fullSyncSeconds(size) : null;
  const rows: BenchRow[] = [
    figureRow({
      figure: `full sync: wall time at ${latencyMs} ms/request`,
      size,
      value: seconds,
      unit: 's',
      digits: 1,
      budget: timeBudget,
      notes: `fresh profile (the pacer knows only that 60 requests per 30 s are accepted; above that it sends one at a time until it learns more); over ${traffic.protocols}, from its first page request; ${(afterLastResponseMs / 1000).toFixed(2)} s of it after the last response (publishing); sign-in click to ready ${(signInToReadyMs / 1000).toFixed(1)} s; ${standInFloorNote(traffic.tracksRequests, pagesPerSecond)}${
        latencyMs === SPEC_LATENCY_MS ? '' : `; SPEC budget is at ${SPEC_LATENCY_MS} ms`
      }`,
      details: { signInToReadyMs, afterLastResponseMs, standInPagesPerSecond: pagesPerSecond, meanInFlight: traffic.meanInFlight, protocol: traffic.protocols },
    }),
    figureRow({
      figure: 'full sync: requests',
      size,
      value: traffic.tracksRequests + traffic.otherApiRequests.length,
      unit: '',
      budget: budgets.requests.fullSync(size),
      notes: `${traffic.otherApiRequests.length > 0 ? `besides /me/tracks: ${summarizePaths(traffic.otherApiRequests)}` : 'all GET /me/tracks'}, over ${traffic.protocols}`,
    }),
    figureRow({
      figure: 'full sync: peak concurrency',
      size,
      value: traffic.peakConcurrency,
      unit: 'requests',
      notes: `most requests in flight at once, seen by the stand-in; ${traffic.meanInFlight.toFixed(1)} on average; ${concurrencyNote(traffic)}`,
    }),
  ];

  const usageAfter = await session.storageUsage();
  const serialized = await serializedLibrary(session.control);
  rows.push(
    figureRow({
      figure: 'IndexedDB bytes per track: storage.estimate()',
      size,
      value: (usageAfter - usageBefore) / serialized.tracks,
      unit: 'B',
      budget: budgets.BYTES_PER_TRACK,
      notes: `usage after − before full sync, over ${serialized.tracks.toLocaleString('en')} tracks (on-disk, LevelDB)`,
    }),
    figureRow({
      figure: 'IndexedDB bytes per track: serialized records',
      size,
      value: serialized.bytes / serialized.tracks,
      unit: 'B',
      budget: budgets.BYTES_PER_TRACK,
      notes: `structured-clone bytes of the published records: ${describeStores(serialized)}`,
    }),
  );
  return { rows, seconds };
}

interface LibraryChange {
  label: string;
  added: number;
  removed: number;
}

const INCREMENTAL_CHANGES: readonly LibraryChange[] = [
  { label: 'nothing changed', added: 0, removed: 0 },
  { label: 'k = 1 added', added: 1, removed: 0 },
  { label: 'k = 10 added', added: 10, removed: 0 },
  { label: 'k = 200 added', added: 200, removed: 0 },
  { label: 'r = 1 removed', added: 0, removed: 1 },
  { label: 'r = 5 removed', added: 0, removed: 5 },
  { label: 'r = 50 removed', added: 0, removed: 50 },
  { label: 'k = 10 added + r = 5 removed', added: 10, removed: 5 },
];

function budgetFor(change: LibraryChange, size: number): budgets.Budget {
  if (change.added > 0 && change.removed > 0) return budgets.requests.addedAndRemoved(change.added, change.removed, size);
  if (change.added > 0) return budgets.requests.added(change.added);
  if (change.removed > 0) return budgets.requests.removed(change.removed, size);
  return budgets.requests.unchanged();
}

/** "Sync now" after each change in turn; removals at random positions of the whole list. */
export async function measureIncrementalSyncs(session: ExtensionSession, standIn: StandInThread, size: number): Promise<BenchRow[]> {
  const random = seededRandom(size);
  const rows: BenchRow[] = [];
  for (const change of INCREMENTAL_CHANGES) {
    // Removals first: positions are drawn from the list as the extension last saw it.
    const total = await standIn.call({ op: 'total' });
    if (change.removed > 0) await standIn.call({ op: 'removeAt', positions: randomPositions(random, total, change.removed) });
    if (change.added > 0) await standIn.call({ op: 'add', count: change.added });
    await standIn.call({ op: 'clearLog' });
    const run = await session.syncNow();
    const traffic = await trafficSinceClear(standIn);
    const ms = run.readyAt - run.requestedAt;
    rows.push(
      figureRow({
        figure: `incremental sync, ${change.label}: requests`,
        size,
        value: traffic.tracksRequests + traffic.otherApiRequests.length,
        unit: '',
        budget: budgetFor(change, total),
        notes: `${ms.toLocaleString('en')} ms "Sync now" to ready; peak concurrency ${traffic.peakConcurrency}${
          traffic.otherApiRequests.length > 0 ? `; besides /me/tracks: ${summarizePaths(traffic.otherApiRequests)}` : ''
        }`,
        details: { ms, peakConcurrency: traffic.peakConcurrency },
      }),
    );
  }
  return rows;
}

/** The naive sequential sync of the same library, and the extension's speed-up over it. */
export async function measureNaiveComparison(standIn: StandInThread, size: number, latencyMs: number, extensionSeconds: number | null): Promise<BenchRow[]> {
  const naive = await naiveSequentialSync(standIn);
  const seconds = naive.ms / 1000;
  const rows = [
    figureRow({
      figure: `naive sequential sync (comparison) at ${latencyMs} ms/request`,
      size,
      value: seconds,
      unit: 's',
      digits: 1,
      notes: `${naive.requests} requests one after another, in Node, nothing stored; ${naive.tracks.toLocaleString('en')} tracks`,
    }),
  ];
  if (extensionSeconds !== null) {
    rows.push(
      figureRow({
        figure: 'full sync speed-up over the naive one',
        size,
        value: seconds / extensionSeconds,
        unit: '×',
        digits: 1,
        notes: `${seconds.toFixed(1)} s ÷ ${extensionSeconds.toFixed(1)} s, same library, same latency, same run`,
      }),
    );
  }
  return rows;
}

function summarizePaths(paths: string[]): string {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const route = path.replace(/\/[0-9A-Za-z]{22}$/, '/{id}');
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  return [...counts].map(([path, count]) => `${count} × ${path}`).join(', ');
}

/** Spotify's window and the pacer's margin past it: after this, none of a sync's requests counts in either. */
const WINDOW_CLEARS_MS = 32_000;

/**
 * The full sync again ("Delete local data", then "Sync now") once the first one's requests have
 * left the window, as any later sync finds it: the pacer starts from the window count it learned.
 */
export async function measureLearnedFullSync(session: ExtensionSession, standIn: StandInThread, size: number, latencyMs: number): Promise<BenchRow[]> {
  await sleep(WINDOW_CLEARS_MS);
  await standIn.call({ op: 'clearLog' });
  const run = await session.deleteLocalDataAndSync();
  const traffic = await trafficSinceClear(standIn);
  const seconds = (run.readyAt - (traffic.firstRequestAt ?? run.requestedAt)) / 1000;
  return [
    figureRow({
      figure: `full sync again, pace learned: wall time at ${latencyMs} ms/request`,
      size,
      value: seconds,
      unit: 's',
      digits: 1,
      budget: latencyMs === SPEC_LATENCY_MS ? budgets.fullSyncSeconds(size) : null,
      notes: `same profile, local data deleted ${WINDOW_CLEARS_MS / 1000} s after the first sync; ${traffic.tracksRequests} requests, peak concurrency ${traffic.peakConcurrency}, over ${traffic.protocols}`,
      details: { meanInFlight: traffic.meanInFlight },
    }),
  ];
}

/** SPEC §8's rate-limited rows: these limits, requests per rolling 30 s per Client ID. */
export const RATE_LIMITS = [120, 600] as const;

interface LimitedSync {
  seconds: number;
  /** `/me/tracks` requests Spotify let through: the ones the ideal counts. */
  accepted: number;
  rateLimited: number;
  retryAfterS: number[];
  peakConcurrency: number;
}

async function measureLimitedSync(standIn: StandInThread, sync: () => Promise<SyncRun>): Promise<LimitedSync> {
  await standIn.call({ op: 'clearLog' });
  const refusedBefore = (await standIn.call({ op: 'refusals' })).length;
  const run = await sync();
  const traffic = await trafficSinceClear(standIn);
  const refusals = (await standIn.call({ op: 'refusals' })).slice(refusedBefore);
  return {
    seconds: (run.readyAt - (traffic.firstRequestAt ?? run.requestedAt)) / 1000,
    accepted: traffic.tracksRequests - traffic.rateLimited,
    rateLimited: refusals.length,
    retryAfterS: refusals.map((refusal) => refusal.retryAfterS),
    peakConcurrency: traffic.peakConcurrency,
  };
}

function limitedSyncRows(label: string, limit: number, size: number, sync: LimitedSync, first: boolean): BenchRow[] {
  const ideal = (sync.accepted / limit) * 30;
  const retryAfter = sync.retryAfterS.reduce((sum, seconds) => sum + seconds, 0);
  const timeLimit = 1.3 * ideal + retryAfter;
  const said = sync.retryAfterS.length > 0 ? `Retry-After ${sync.retryAfterS.join(', ')} s` : 'no 429';
  return [
    figureRow({
      figure: `full sync under L = ${limit}/30 s, ${label}: 429s`,
      size,
      value: sync.rateLimited,
      unit: '',
      budget: first ? { limit: 1, text: '≤ 1' } : { limit: 0, text: '= 0' },
      notes: said,
    }),
    figureRow({
      figure: `full sync under L = ${limit}/30 s, ${label}: wall time`,
      size,
      value: sync.seconds,
      unit: 's',
      digits: 1,
      budget: { limit: timeLimit, text: `≤ 1.3 × ideal${retryAfter > 0 ? ` + ${retryAfter} s` : ''} = ${timeLimit.toFixed(1)} s` },
      notes: `ideal ${ideal.toFixed(1)} s = ${sync.accepted} requests ÷ ${limit} × 30 s; peak concurrency ${sync.peakConcurrency}`,
    }),
    figureRow({
      figure: `full sync under L = ${limit}/30 s, ${label}: ratio to ideal`,
      size,
      value: sync.seconds / ideal,
      unit: '×',
      digits: 2,
      notes: `${sync.seconds.toFixed(1)} s ÷ ${ideal.toFixed(1)} s`,
    }),
  ];
}

/**
 * Each limit on a fresh profile: the full sync signing in starts, then the next full sync
 * ("Delete local data", "Sync now") once the first one's requests have left the window.
 * The limit is the stand-in's (test/stand-in/rate-limiter.ts), as Spotify's behaves.
 */
export async function measureRateLimitedSyncs(standIn: StandInThread, size: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const limit of RATE_LIMITS) {
    await standIn.call({ op: 'setRateLimit', limit });
    const session = await ExtensionSession.launch();
    try {
      const first = await measureLimitedSync(standIn, () => session.signInAndSync());
      rows.push(...limitedSyncRows('first sync (fresh profile)', limit, size, first, true));
      await sleep(WINDOW_CLEARS_MS);
      const next = await measureLimitedSync(standIn, () => session.deleteLocalDataAndSync());
      rows.push(...limitedSyncRows('next full sync', limit, size, next, false));
    } finally {
      await session.close();
      await standIn.call({ op: 'setRateLimit', limit: null });
    }
  }
  return rows;
}
