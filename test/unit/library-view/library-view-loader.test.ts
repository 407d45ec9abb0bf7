import { afterEach, describe, expect, it, vi } from 'vitest';
import { rankTextsInPlace } from '../../../lib/library-view/library-model';
import { LibraryViewLoader, pauseAfterReload, type LibraryData, type ReloadClock } from '../../../lib/library-view/library-view-loader';
import { readAllTracks, readLibrarySummary } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
let loader: LibraryViewLoader | undefined;
afterEach(async () => {
  loader?.stop();
  loader = undefined;
  await session?.close();
  session = undefined;
});

/** Real time, but no waiting between reloads: a test's reload starts at once. */
const noSpacing: ReloadClock = { now: () => performance.now(), wait: () => Promise.resolve() };

async function syncedLoader(size: number) {
  session = await startSession({ library: { size, seed: 9 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  const published: LibraryData[] = [];
  loader = new LibraryViewLoader({ db: session.db, rankTexts: rankTextsInPlace(), clock: noSpacing });
  loader.subscribe((data) => published.push(data));
  return { session, loader, published };
}

describe('LibraryViewLoader', () => {
  it('publishes the newest tracks first, then the whole library, and ranks the text sorts before they are chosen', async () => {
    const { session, loader, published } = await syncedLoader(450);
    expect(loader.data).toEqual({ phase: 'loading' });
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.phase).toBe('ready'));

    const all = await readAllTracks(session.db);
    const summary = await readLibrarySummary(session.db);
    expect(published.map((data) => data.phase)).toEqual(['preview', 'ready']);
    expect(published[0]).toEqual({ phase: 'preview', summary, preview: all.slice(0, 100) });
    const ready = published[1]!;
    if (ready.phase !== 'ready') throw new Error('not ready');
    expect(ready.summary).toEqual(summary);
    expect(ready.model.tracks).toEqual(all);
    expect(loader.data).toBe(ready);
    await vi.waitFor(() => expect((['title', 'artist', 'album'] as const).map((field) => ready.model.canSort(field))).toEqual([true, true, true]));
  });

  it('on a reload after a sync changed the library, publishes the new library and nothing in between', async () => {
    const { session, loader, published } = await syncedLoader(300);
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.phase).toBe('ready'));

    session.standIn.library.removeAt([0, 1, 2]);
    await syncSavedTracks({ db: session.db, api: session.api });
    loader.reload();
    await vi.waitFor(() => expect(published).toHaveLength(3));
    expect(published.map((data) => data.phase)).toEqual(['preview', 'ready', 'ready']);
    const reloaded = published[2]!;
    if (reloaded.phase !== 'ready') throw new Error('not ready');
    expect(reloaded.model.tracks).toEqual(await readAllTracks(session.db));
    expect(reloaded.summary.total).toBe(297);
  });

  it('says why when the library cannot be read', async () => {
    session = await startSession({ library: { size: 10, seed: 1 } });
    session.db.close();
    const published: LibraryData[] = [];
    loader = new LibraryViewLoader({ db: session.db, rankTexts: rankTextsInPlace(), clock: noSpacing });
    loader.subscribe((data) => published.push(data));
    loader.start();
    await vi.waitFor(() => expect(published).toHaveLength(1));
    expect(published[0]).toEqual({ phase: 'failed', message: expect.stringMatching(/./) });
  });

  it('publishes nothing once stopped', async () => {
    const { loader, published } = await syncedLoader(100);
    loader.start();
    loader.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published).toEqual([]);
    expect(loader.data).toEqual({ phase: 'loading' });
  });

  it.each([
    [200, 0],
    [333, 0],
    [500, 500],
    [1000, 2000],
  ])('after a reload of %d ms, waits %d ms more before the next', (cost, pause) => {
    expect(pauseAfterReload(cost)).toBe(pause);
  });
});
