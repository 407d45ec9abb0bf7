import { describe, expect, it } from 'vitest';
import { FIRST_KNOWN_LIMIT, freshPacerRecord, type PacerRecord } from '../../../lib/spotify/pacer';
import { createPacers, type PacerStore } from '../../../lib/spotify/pacers';

function memoryStore(initial: unknown): PacerStore & { saved: Array<Record<string, PacerRecord>> } {
  const saved: Array<Record<string, PacerRecord>> = [];
  return {
    saved,
    load: async () => initial,
    save: async (records) => {
      saved.push(structuredClone(records));
    },
  };
}

const ONE = '1'.repeat(32);
const TWO = '2'.repeat(32);

describe('createPacers', () => {
  it('gives each Client ID one pacer, from what storage kept for it', async () => {
    const store = memoryStore({ [ONE]: { ...freshPacerRecord(), proven: 240 } });
    const pacers = createPacers(store);
    const one = await pacers.forClient(ONE);
    expect(one).toBe(await pacers.forClient(ONE));
    expect(one.proven).toBe(240);
    expect((await pacers.forClient(TWO)).proven).toBe(FIRST_KNOWN_LIMIT);
  });

  it('starts a Client ID afresh when its stored record does not read back', async () => {
    const store = memoryStore({ [ONE]: { proven: 'lots' }, [TWO]: { ...freshPacerRecord(), proven: 0 } });
    const pacers = createPacers(store);
    expect((await pacers.forClient(ONE)).proven).toBe(FIRST_KNOWN_LIMIT);
    expect((await pacers.forClient(TWO)).proven).toBe(FIRST_KNOWN_LIMIT);
  });

  it('writes every Client ID’s record, each as its pacer last left it', async () => {
    const store = memoryStore({});
    const pacers = createPacers(store);
    (await (await pacers.forClient(ONE)).acquire('interactive')).answered('accepted');
    (await pacers.forClient(TWO)).closeGate(Date.now() + 60_000, false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const last = store.saved.at(-1)!;
    expect(Object.keys(last).sort()).toEqual([ONE, TWO]);
    expect(last[TWO]!.gate.until).toBeGreaterThan(Date.now());
  });
});
