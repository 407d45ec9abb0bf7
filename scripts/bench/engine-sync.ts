/**
 * Engine-level sync benchmark: the sync engine alone, in Node with fake-indexeddb, against
 * the stand-in over real HTTP at its latency — requests and wall time without a browser, for
 * profiling the engine (`node --cpu-prof`). The stand-in runs in a worker thread so that
 * serving 100,000 tracks does not take the client's CPU. IndexedDB here is not Chromium's:
 * `npm run bench` measures the SPEC rows in Chromium (sync-figures.ts).
 *
 *   import { benchSync } from './bench/engine-sync';
 *   const rows = await benchSync({ latencyMs: 100, sizes: [10_000, 100_000] });
 */
import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { generationRange } from '../../lib/library/db';
import { openLibraryDb, readLibrarySummary, type LibraryDb } from '../../lib/library/store';
import { syncSavedTracks } from '../../lib/sync/sync';
import { createSpotifyApi, type SpotifyApi } from '../../lib/spotify/api-client';
import { budgets, signInToStandIn } from '../../test/unit/library/stand-in-session';
import { StandInThread, type StandInCall } from './stand-in-thread';

export interface SyncBenchRow {
  what: string;
  /** Human-readable budget, e.g. "≤ 5 s, ≤ 202 requests". */
  budget: string;
  measured: string;
  ok: boolean;
}

export interface SyncBenchOptions {
  latencyMs?: number;
  sizes?: number[];
  /** Seconds allowed for a full sync, by size (SPEC §8). */
  fullSyncSeconds?: Record<number, number>;
  log?: (line: string) => void;
}

const SPEC_FULL_SYNC_SECONDS: Record<number, number> = { 10000: 5, 100000: 40 };

export async function benchSync(options: SyncBenchOptions = {}): Promise<SyncBenchRow[]> {
  const { latencyMs = 100, sizes = [10_000, 100_000], fullSyncSeconds = SPEC_FULL_SYNC_SECONDS, log = () => undefined } = options;
  const rows: SyncBenchRow[] = [];
  for (const size of sizes) {
    const standIn = await StandInThread.start({ port: 0, library: { size, seed: 1 }, latencyMs });
    try {
      const { auth, accountKey } = await signInToStandIn(standIn.endpoints);
      const api = createSpotifyApi({ apiBase: standIn.endpoints.apiBase, tokens: auth.tokens });
      const db = await openLibraryDb(`bench-${accountKey}-${size}-${Date.now()}`);
      const bench = new LibraryBench(db, api, standIn, `${size.toLocaleString('en')} tracks at ${latencyMs} ms`);
      const libraryRows = await bench.run(size, fullSyncSeconds[size]);
      for (const row of libraryRows) log(`${row.ok ? 'ok  ' : 'FAIL'} ${row.what}: ${row.measured} (budget ${row.budget})`);
      rows.push(...libraryRows);
      db.close();
    } finally {
      await standIn.close();
    }
  }
  return rows;
}

class LibraryBench {
  constructor(
    private readonly db: LibraryDb,
    private readonly api: SpotifyApi,
    private readonly standIn: StandInThread,
    private readonly label: string,
  ) {}

  async run(size: number, seconds: number | undefined): Promise<SyncBenchRow[]> {
    const rows: SyncBenchRow[] = [];
    const full = await this.#sync();
    const requestBudget = budgets.fullSync(size);
    rows.push({
      what: `full sync, ${this.label}`,
      budget: `${seconds === undefined ? '' : `≤ ${seconds} s, `}≤ ${requestBudget} requests`,
      measured: `${full.seconds.toFixed(1)} s, ${full.requests} requests`,
      ok: (seconds === undefined || full.seconds <= seconds) && full.requests <= requestBudget,
    });
    const bytes = await bytesPerTrack(this.db);
    rows.push({
      what: `IndexedDB bytes per track, ${this.label}`,
      budget: '≤ 700',
      measured: bytes.toFixed(0),
      ok: bytes <= 700,
    });

    rows.push(await this.#incremental('nothing changed', [], 1));
    const added = 120;
    rows.push(await this.#incremental(`${added} added`, [{ op: 'add', count: added }], budgets.added(added)));
    const removed = [7, Math.floor(size / 2), size - 3];
    const removeBudget = budgets.removed(removed.length, size);
    rows.push(await this.#incremental(`${removed.length} removed`, [{ op: 'removeAt', positions: removed }], removeBudget));
    rows.push(
      await this.#incremental(
        '5 added and 2 removed',
        [
          { op: 'removeAt', positions: [11, size - 100] },
          { op: 'add', count: 5 },
        ],
        budgets.added(5) + budgets.removed(2, size),
      ),
    );
    return rows;
  }

  async #incremental(change: string, commands: StandInCall[], budget: number): Promise<SyncBenchRow> {
    for (const command of commands) await this.standIn.call(command);
    const { seconds, requests, kind } = await this.#sync();
    return {
      what: `incremental, ${change}, ${this.label}`,
      budget: `≤ ${budget} requests`,
      measured: `${requests} requests (${kind}), ${(seconds * 1000).toFixed(0)} ms`,
      ok: requests <= budget,
    };
  }

  async #sync() {
    const requestsBefore = this.api.requestCount;
    const started = performance.now();
    const result = await syncSavedTracks({ db: this.db, api: this.api });
    return { seconds: (performance.now() - started) / 1000, requests: this.api.requestCount - requestsBefore, kind: result.kind };
  }
}

/** Structured-clone bytes of the published records: what IndexedDB is handed to store. */
async function bytesPerTrack(db: LibraryDb): Promise<number> {
  const meta = await db.get('meta', 'library');
  if (meta?.key !== 'library') return 0;
  const range = generationRange(meta.generation);
  const stores = ['trackChunks', 'searchChunks', 'idBuckets', 'isrcBuckets'] as const;
  let bytes = serialize(meta).byteLength;
  for (const store of stores) for (const record of await db.getAll(store, range)) bytes += serialize(record).byteLength;
  return bytes / Math.max(1, (await readLibrarySummary(db)).total);
}
