import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLibrarySummary, readSearchKeys } from '../../../lib/library/store';
import { syncSavedTracks, type SyncProgress } from '../../../lib/sync/sync';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { budgets, startSession, type StandInSession } from '../library/stand-in-session';
import { recordStoreCalls } from '../library/store-reads';

let session: StandInSession | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
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

  it('publishes without reading back a chunk it wrote, and keeps few pages staged at a time', async () => {
    session = await startSession({ library: { size: 5000, seed: 21 } });
    const { db, api, standIn } = session;
    const chunkReads = recordStoreCalls('trackChunks');
    const metaWrites = recordStoreCalls('meta', ['put']);
    const staged: Array<Promise<number>> = [];
    await syncSavedTracks({ db, api, onProgress: () => staged.push(db.count('stagedPages')) });
    // The lookup buckets, chunk list and head come from the chunks as they were written.
    expect(chunkReads).toEqual([]);
    // The checkpoint goes with each of the 5 chunks (and the partial library's meta record with
    // it), not with each of the 100 pages; a few more open and close the pass.
    expect(metaWrites.length).toBeLessThanOrEqual(2 * 5 + 5);

    await expectCacheEqualsServer(db, standIn);
    // A page's staged copy goes with the write of its chunk: a chunk's 20 pages and those in flight.
    expect(Math.max(...(await Promise.all(staged)))).toBeLessThanOrEqual(20 + 8);
    expect(await db.count('stagedPages')).toBe(0);
  });

  it('over HTTP/2 (the TLS stand-in) keeps 8 pages in flight on one connection and ends exact', async () => {
    session = await startSession({ tls: true, latencyMs: 20, library: { size: 3000, seed: 22 } });
    session.resetCounts();
    session.standIn.resetPeakConcurrency();
    const result = await syncSavedTracks({ db: session.db, api: session.api });

    await expectCacheEqualsServer(session.db, session.standIn);
    expect(result.requests).toBeLessThanOrEqual(budgets.fullSync(3000));
    expect(session.standIn.peakConcurrency).toBe(8);
    const versions = new Set(session.standIn.requests.filter((request) => request.path === '/v1/me/tracks').map((request) => request.httpVersion));
    expect(versions).toEqual(new Set(['2.0']));
  });

  it('starts the pass again when a page holds more items than its total leaves room for, and ends exact', async () => {
    session = await startSession({ library: { size: 1500, seed: 23 } });
    const { db, api, standIn } = session;
    // The last page (offset 1450) with its 50 items but a total that leaves room for 10:
    // its place in the list cannot be told, so nothing from this pass may be trusted.
    const lastPage = { href: '', items: standIn.library.page(1450, 50), limit: 50, next: null, offset: 1450, previous: null, total: 1460 };
    standIn.faults.push({ kind: 'body', body: lastPage, match: { path: '/v1/me/tracks', query: (query) => query.offset === '1450' } });
    const result = await syncSavedTracks({ db, api });

    await expectCacheEqualsServer(db, standIn);
    expect(result.requests).toBeLessThanOrEqual(2 * budgets.fullSync(1500));
  });
});
