import * as v from 'valibot';
import { freshPacerRecord, Pacer, realClock, type PacerClock, type PacerRecord } from './pacer';

/** Where the pacers' records live between service workers and browser sessions (storage.local). */
export interface PacerStore {
  load(): Promise<unknown>;
  save(records: Record<string, PacerRecord>): Promise<void>;
}

/** One pacer per Client ID (Spotify's limits are per Client ID), each starting from its stored record. */
export interface Pacers {
  forClient(clientId: string): Promise<Pacer>;
}

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const StoredRecord = v.object({
  proven: v.pipe(v.number(), v.integer(), v.minValue(1)),
  ceilingUntil: v.number(),
  gate: v.object({ until: v.number(), quotaExceeded: v.boolean() }),
  recent: v.array(v.tuple([v.number(), Count])),
  unsettled: Count,
});

export function createPacers(store: PacerStore, clock: PacerClock = realClock): Pacers {
  let records: Promise<Record<string, PacerRecord>> | null = null;
  const pacers = new Map<string, Promise<Pacer>>();
  let saving: Promise<void> = Promise.resolve();

  function loadRecords(): Promise<Record<string, PacerRecord>> {
    records ??= store.load().then(parseRecords, () => ({}));
    return records;
  }

  async function save(clientId: string, record: PacerRecord): Promise<void> {
    const all = await loadRecords();
    all[clientId] = record;
    // Writes take turns, each with every pacer's latest record.
    const write = saving.then(() => store.save({ ...all }));
    saving = write.catch(() => undefined);
    return write;
  }

  return {
    forClient(clientId) {
      let pacer = pacers.get(clientId);
      if (!pacer) {
        pacer = loadRecords().then((all) => new Pacer(all[clientId] ?? freshPacerRecord(), clock, (record) => save(clientId, record)));
        pacers.set(clientId, pacer);
      }
      return pacer;
    },
  };
}

/** A record that does not read back (an older shape, a hand edit) starts that Client ID afresh. */
function parseRecords(stored: unknown): Record<string, PacerRecord> {
  const records: Record<string, PacerRecord> = {};
  if (typeof stored !== 'object' || stored === null) return records;
  for (const [clientId, value] of Object.entries(stored)) {
    const parsed = v.safeParse(StoredRecord, value);
    if (parsed.success) records[clientId] = parsed.output;
  }
  return records;
}
