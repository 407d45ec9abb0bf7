import { afterEach, describe, expect, it } from 'vitest';
import { readLibrarySummary, readSearchKeys } from '../../../lib/library/store';
import { syncSavedTracks, type SyncProgress } from '../../../lib/library/sync';
import { expectCacheEqualsServer } from './cache-assertions';
import { budgets, startSession, type StandInSession } from './stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('full sync', () => {
  it.each([0, 1, 49, 50, 51, 1001, 10_000])('copies a library of %i tracks within ⌈N/50⌉ + 2 requests', async (size) => {
    session = await startSession({ library: { size, seed: size + 1 } });
    session.resetCounts();
    const progress: SyncProgress[] = [];
    const result = await syncSavedTracks({ db: session.db, api: session.api, onProgress: (p) => progress.push(p) });

    await expectCacheEqualsServer(session.db, session.standIn);
    expect(result.kind).toBe('full');
    expect(session.tracksRequests()).toBeLessThanOrEqual(budgets.fullSync(size));
    expect(result.requests).toBe(session.tracksRequests());
    expect(result.total).toBe((await readLibrarySummary(session.db)).total);
    expect((await readSearchKeys(session.db)).length).toBe(result.total);
    if (size > 0) expect(progress.at(-2)).toMatchObject({ done: size, total: size });
  });
});
