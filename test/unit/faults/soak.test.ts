/**
 * Soak: 20 syncs in a row against one stand-in, each with random faults and random changes to
 * the saved tracks (between syncs and during them), from a fixed seed so a failure replays.
 * Every sync ends exact (cache = server) or in a typed state with the library intact; then the
 * fault is gone and the very next sync ends exact. Some syncs lose their service worker
 * part-way, and a new one carries on. `SOAK_REPORT=1` prints what each round drew and hit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readLibrarySummary } from '../../../lib/library/store';
import type { SyncState, SyncStatus } from '../../../lib/status';
import type { FaultRule } from '../../stand-in/faults';
import { Random } from '../../stand-in/random';
import type { StandIn } from '../../stand-in/server';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import {
  CLIENT_TIMEOUT_MS,
  SLOW_ANSWER_MS,
  cachedKeys,
  expectLibraryIntact,
  expectNoDuplicates,
  startFaultWorld,
  stopWorkerWhen,
  tracksRequestsAfter,
  type FaultWorld,
} from './fault-world';

const SEED = 20_261_127;
const SYNCS = 20;

let world: FaultWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The faults the soak draws from, each a stand-in rule (SPEC §9's transient faults and bad pages). */
const FAULTS = {
  '429, Retry-After 1 s': (random: Random): FaultRule => ({ kind: 'status', status: 429, retryAfter: 1, times: random.int(1, 2) }),
  '5xx burst': (random: Random): FaultRule => ({ kind: 'status', status: random.pick([500, 502, 503]), times: random.int(1, 3) }),
  'dropped connection': (random: Random): FaultRule => ({ kind: 'drop', times: random.int(1, 3) }),
  'slow answer (within the timeout)': (): FaultRule => ({ kind: 'hang', ms: SLOW_ANSWER_MS }),
  timeout: (): FaultRule => ({ kind: 'hang', ms: CLIENT_TIMEOUT_MS * 2 }),
  'invalid JSON': (): FaultRule => ({ kind: 'malformed' }),
  'page of the wrong shape': (): FaultRule => ({ kind: 'body', body: { total: 12, items: null } }),
} as const;
type FaultKind = keyof typeof FAULTS;
const FAULT_KINDS = Object.keys(FAULTS) as FaultKind[];

/** Saves and removals as another device makes them; positions are drawn now, applied to the list as it is then. */
function randomChange(random: Random): (standIn: StandIn) => void {
  const adds = random.chance(0.6) ? random.int(1, 60) : 0;
  const removals = random.chance(0.5) ? Array.from({ length: random.int(1, 4) }, () => random.next()) : [];
  // Now and then many scattered removals: the incremental sync hands over to a full re-sync.
  const scattered = random.chance(0.1);
  return (standIn) => {
    if (adds) standIn.library.add(adds);
    const total = standIn.library.total;
    const positions = scattered ? Array.from({ length: 30 }, (_, index) => index * 41) : removals.map((fraction) => Math.floor(fraction * total));
    standIn.library.removeAt(positions.filter((position) => position < total));
  };
}

interface Round {
  /** Faults drawn for the round. */
  faults: FaultKind[];
  /** Fault knobs the stand-in applied (a fault set for a later page than the sync read is not). */
  hit: string[];
  changedDuring: boolean;
  workerStopped: boolean;
  ended: SyncState;
}

describe('soak', () => {
  it(`${SYNCS} syncs in a row with random faults and changes (seed ${SEED}), each ending exact`, { timeout: 120_000 }, async () => {
    const random = new Random(SEED);
    world = await startFaultWorld({ library: { size: 1500, seed: SEED } });
    const w = world;
    const rounds: Round[] = [];

    for (let round = 0; round < SYNCS; round++) {
      if (round > 0) randomChange(random)(w.standIn);
      const faults = Array.from({ length: random.int(0, 3) }, () => random.pick(FAULT_KINDS));
      // Mostly on the first page: an incremental sync often reads no more than one or two.
      const after = () => (random.chance(0.6) ? 0 : random.int(1, 12));
      for (const kind of faults) w.standIn.faults.push({ ...FAULTS[kind](random), match: tracksRequestsAfter(w.standIn, after()) });
      const changedDuring = random.chance(0.4);
      const cancelChange = changedDuring ? w.standIn.afterRequests(random.int(1, 10), randomChange(random), '/v1/me/tracks') : () => undefined;
      const stopAfter = random.chance(0.25) ? random.int(1, 3) : 0;
      const loggedBefore = w.standIn.requests.length;

      const published = (await readLibrarySummary(w.db)).complete ? await cachedKeys(w.db) : null;
      let workerStopped = false;
      let status: SyncStatus;
      if (stopAfter) {
        const outcome = stopWorkerWhen(w, (_, pageRequests) => pageRequests === stopAfter);
        const running = w.controller.sync();
        workerStopped = (await outcome) === 'stopped';
        if (workerStopped) {
          await expectLibraryIntact(w.db, w.standIn, published);
          status = await w.resumeWhilePaused(await w.restartWorker());
        } else {
          await running;
          status = await w.resumeWhilePaused(await w.syncState());
        }
      } else {
        status = await w.resumeWhilePaused(await w.sync());
      }
      cancelChange();
      const hit = w.standIn.requests.slice(loggedBefore).flatMap((request) => (request.fault ? [`${request.fault} ${request.status || ''}`.trim()] : []));
      rounds.push({ faults, hit, changedDuring, workerStopped, ended: status.state });

      if (status.state !== 'ready') {
        // A typed stop, never a crash, and nothing lost or half-written.
        expect(['error', 'offline', 'rate-limited'], `round ${round}: ${status.message}`).toContain(status.state);
        await expectLibraryIntact(w.db, w.standIn, published);
        w.standIn.faults.clear();
        if (status.state === 'rate-limited') w.advanceClock((status.resumeAt ?? 0) - w.now() + 1000);
        const next = await w.resumeWhilePaused(await w.sync());
        expect(next.state, `round ${round}, the sync after the fault`).toBe('ready');
      }
      w.standIn.faults.clear();
      await expectCacheEqualsServer(w.db, w.standIn);
      await expectNoDuplicates(w.db);
    }

    if (process.env.SOAK_REPORT) console.table(rounds.map((r) => ({ ...r, faults: r.faults.join(', '), hit: r.hit.join(', ') })));
    // The seed must exercise what the soak claims to: every fault hit, both outcomes, stops, changes.
    const hit = rounds.flatMap((round) => round.hit).join(' ');
    for (const knob of ['status 429', /status 50[023]/, 'drop', 'hang', 'malformed', 'body']) expect(hit).toMatch(knob);
    expect(rounds.some((round) => round.hit.length > 0 && round.ended === 'ready')).toBe(true);
    expect(rounds.some((round) => round.ended !== 'ready')).toBe(true);
    expect(rounds.some((round) => round.workerStopped)).toBe(true);
    expect(rounds.some((round) => round.changedDuring)).toBe(true);
  });
});
