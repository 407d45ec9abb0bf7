/**
 * `npm run bench`: every SPEC §8 budget as a measured figure (issue #7), in real Chromium with
 * the built extension against the Spotify stand-in, at 10k, 50k and 100k tracks. Prints a
 * table (figure, size, measured, budget, within/over, notes) and writes the same as JSON. It
 * measures; it does not gate: over budget still exits 0 (a figure the bench failed to take
 * exits 1).
 *
 *   npm run bench                      full run, under 10 minutes on 2 cores
 *   npm run bench -- --quick           10k only, a few minutes
 *   npm run bench -- --latency 50      the stand-in's per-request latency (default 100 ms)
 *   npm run bench -- --no-build        measure the existing stand-in build
 *   npm run bench -- --http1           the stand-in over plain HTTP/1.1 (see below)
 *   npm run bench -- --out path.json   default bench-results/latest.json
 *   npm run bench -- --sizes 100000 --only popup,badge
 *                                      one size, some areas (sync, limits, search, naive,
 *                                      incremental, popup, library, badge, internals, restore):
 *                                      for profiling
 *
 * The stand-in runs in a worker thread on the port of .env.standin, which e2e runs and the
 * demo use too: run one at a time, or give the bench its own port with
 * TRACKLIGHT_STANDIN_PORT=43200 (the build then goes to .output/chrome-mv3-standin-43200-tls).
 *
 * It speaks HTTP/2 over TLS, as api.spotify.com does to Chromium (the TLS stand-in build,
 * TRACKLIGHT_STANDIN_TLS=1: `https://` bases, `…-tls` build directory, Chromium with
 * `--ignore-certificate-errors`). Over HTTP/1.1 Chromium opens at most 6 connections to a
 * host, so the sync's 8 concurrent requests would queue in the browser: `--http1` measures
 * that, for comparison.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../test/browser/chromium-path';
import {
  AREAS,
  measuresInternals,
  measuresRestore,
  measuresSizes,
  planSizes,
  RESTORE_TRACKS,
  searchEngineSizes,
  type Area,
  type BenchOptions,
} from './bench/bench-plan';
import { buildStandInExtension } from './bench/build-extension';
import { measureSize } from './bench/measure-size';
import { measureInternals } from './bench/internals-figures';
import { measureRestore } from './bench/restore-figures';
import { failedRow, formatTable, summarize, writeJson, type BenchRow } from './bench/report';
import { measureSearchEngine } from './bench/search-engine-figures';

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      latency: { type: 'string', default: '100' },
      'no-build': { type: 'boolean', default: false },
      http1: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench-results/latest.json' },
      sizes: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(latencyMs) || latencyMs < 0) throw new Error(`--latency takes a whole number of ms, got ${values.latency}`);
  const sizes = values.sizes?.split(',').map(Number) ?? null;
  if (sizes?.some((size) => !Number.isInteger(size) || size < 100))
    throw new Error(`--sizes takes track counts (≥ 100) separated by commas, got ${values.sizes}`);
  const only = values.only?.split(',') ?? null;
  const unknown = only?.filter((area) => !(AREAS as readonly string[]).includes(area)) ?? [];
  if (unknown.length > 0) throw new Error(`--only takes some of ${AREAS.join(', ')}; not ${unknown.join(', ')}`);
  return {
    quick: values.quick,
    latencyMs,
    build: !values['no-build'],
    http1: values.http1,
    out: resolve(values.out),
    sizes,
    only: only && new Set(only as Area[]),
  };
}

const startedAt = new Date().toISOString();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.error(`[bench ${elapsed()}] ${line}`);

const options = readOptions();
// The build, its directory, Chromium's switches and the stand-in all follow this (test/browser/stand-in-build.ts).
process.env.TRACKLIGHT_STANDIN_TLS = options.http1 ? '0' : '1';
const protocol = options.http1 ? 'HTTP/1.1' : 'HTTP/2 (TLS)';
const loadAtStart = loadavg()[0]!;
const rows: BenchRow[] = [];
const standInStartS: Record<string, number> = {};

if (options.build) {
  log(`building the extension (npm run build:standin, ${options.http1 ? 'plain HTTP' : 'TRACKLIGHT_STANDIN_TLS=1'})`);
  await buildStandInExtension();
}

const searchSizes = searchEngineSizes(options);
if (searchSizes.length > 0) {
  log(`search engine alone (Node) at ${searchSizes.join(', ')} tracks`);
  try {
    rows.push(...measureSearchEngine(searchSizes));
  } catch (error) {
    rows.push(failedRow('search alone, Node', null, error));
  }
}

if (measuresInternals(options)) {
  log('stand-in serializer and generator, match index (Node)');
  try {
    rows.push(...measureInternals());
  } catch (error) {
    rows.push(failedRow('internals, Node', null, error));
  }
}

for (const plan of measuresSizes(options) ? planSizes(options) : []) {
  log(`${plan.size.toLocaleString('en')} tracks: stand-in at ${plan.syncLatencyMs} ms/request`);
  const run = await measureSize(plan, options.latencyMs, log);
  rows.push(...run.rows);
  standInStartS[plan.size] = run.standInStartS;
}

if (measuresRestore(options)) {
  log(`restore of ${RESTORE_TRACKS.toLocaleString('en')} tracks from an Exportify CSV into an empty account`);
  try {
    rows.push(...(await measureRestore({ tracks: RESTORE_TRACKS, latencyMs: options.latencyMs }, log)));
  } catch (error) {
    log(`restore failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    rows.push(failedRow(`restore of ${RESTORE_TRACKS.toLocaleString('en')} tracks`, RESTORE_TRACKS, error));
  }
}

const durationS = (performance.now() - started) / 1000;
console.log(`\nTracklight bench — SPEC §8 budgets, stand-in latency ${options.latencyMs} ms/request over ${protocol}${options.quick ? ', --quick' : ''}\n`);
console.log(formatTable(rows));
console.log(`\n${summarize(rows)}. Took ${durationS.toFixed(0)} s. The stand-in ran in a worker thread of this process.`);
const loadAtEnd = loadavg()[0]!;
if (Math.max(loadAtStart, loadAtEnd) > cpus().length) {
  // Other work on the machine inflates every time here; request counts are unaffected.
  console.log(
    `The machine was busy (load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end, on ${cpus().length} cores): times are inflated.`,
  );
}

await writeJson(options.out, {
  startedAt,
  durationS,
  options: { quick: options.quick, latencyMs: options.latencyMs, http1: options.http1 },
  environment: {
    node: process.version,
    // Debian's wrapper script says things on stderr: keep them out of the table.
    chromium: execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    cpus: cpus().length,
    loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd },
    standIn: `worker thread of the bench process, ${protocol}`,
    standInStartS,
  },
  rows,
});
console.log(`JSON: ${options.out}`);
process.exitCode = rows.some((row) => row.verdict === 'failed') ? 1 : 0;
