import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAllTracks, readChunkSizes } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { FirstScreen } from '../../../lib/popup/first-screen';
import { firstScreenLibrary, PopupLibraryLoader, type IdleScheduler, type PopupLibrary } from '../../../lib/popup/popup-library-loader';
import type { TrackChunksRequest } from '../../../lib/popup/track-chunks-protocol';
import type { WordInitials } from '../../../lib/search/word-initials';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
let loader: PopupLibraryLoader | undefined;
afterEach(async () => {
  loader?.stop();
  loader = undefined;
  await session?.close();
  session = undefined;
});

/** Idle time in Node: a macrotask with time to spare. */
const whenIdle: IdleScheduler = (callback) => void setTimeout(() => callback({ timeRemaining: () => 50 }), 0);

/** A loader over a synced stand-in library, without a worker (the page reads the chunks) unless given one. */
async function syncedLoader(size: number, options: { status?: { version: number }; kept?: FirstScreen | null; startRowsWorker?: () => Worker | null } = {}) {
  session = await startSession({ library: { size, seed: 3 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  const status = options.status ?? { version: 7 };
  const kept: FirstScreen[] = [];
  const published: PopupLibrary[] = [];
  loader = new PopupLibraryLoader({
    db: session.db,
    accountKey: session.accountKey,
    startRowsWorker: options.startRowsWorker ?? (() => null),
    currentVersion: () => status.version,
    keptFirstScreen: () => options.kept ?? null,
    keepFirstScreen: (screen) => kept.push(screen),
    whenIdle,
  });
  loader.subscribe((library) => published.push(library));
  return { session, loader, status, kept, published };
}

describe('PopupLibraryLoader', () => {
  it('publishes the newest tracks first, then a search whose every result finds its track, and keeps the first screen', async () => {
    const { session, loader, kept, published } = await syncedLoader(1200);
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.search).toBeTruthy());

    const all = await readAllTracks(session.db);
    // First: the newest tracks, no search yet; then the library with its search.
    expect(published.map((library) => library.search === null)).toEqual([true, false]);
    expect(published[0]!.tracks.trackAt(0)?.uri).toBe(all[0]!.uri);
    const library = published[1]!;
    expect(library).toMatchObject({ accountKey: session.accountKey, fromFirstScreen: false, version: 7 });
    expect(loader.library).toBe(library);
    expect(library.tracks.total).toBe(all.length);

    const query = all[900]!.artists[0]!.name;
    const { positions } = library.search!.search(query, { limit: 20 });
    await library.tracks.load(positions);
    expect(positions.map((position) => library.tracks.trackAt(position)?.uri)).toEqual(positions.map((position) => all[position]!.uri));

    // For the next popup: this account, the status's version, the newest tracks as listed.
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ accountKey: session.accountKey, libraryVersion: 7, sizes: (await readChunkSizes(session.db)).sizes });
    expect(kept[0]!.newest.slice(0, 3).map((track) => track.uri)).toEqual(all.slice(0, 3).map((track) => track.uri));
  });

  it('opens the worker before the keys are read, and uses the word-initials lists it sends before the search exists', async () => {
    const opens: Array<{ version: number; searchPublished: boolean }> = [];
    const listsSent: Array<{ searchPublished: boolean }> = [];
    const listeners: Array<(event: MessageEvent) => void> = [];
    // Lists that answer "a" with two chosen positions: a search using them tells by its answer.
    const initials: WordInitials = { lists: new Map([[97, new Int32Array([0, 2])]]), ranked: new Map([[97, new Int32Array([2, 0])]]) };
    const worker = {
      postMessage(request: TrackChunksRequest) {
        if (request.kind !== 'open') return;
        opens.push({ version: request.version, searchPublished: Boolean(loader?.library?.search) });
        // Later than `open`, sooner than any read: the lists come before the search exists.
        queueMicrotask(() => {
          listsSent.push({ searchPublished: Boolean(loader?.library?.search) });
          for (const listener of listeners) listener({ data: { kind: 'wordInitials', version: request.version, initials } } as MessageEvent);
        });
      },
      addEventListener(type: string, listener: (event: MessageEvent) => void) {
        if (type === 'message') listeners.push(listener);
      },
      terminate() {},
    } as unknown as Worker;
    const { session, loader: started, published } = await syncedLoader(300, { startRowsWorker: () => worker });
    started.start();
    await vi.waitFor(() => expect(published.at(-1)?.search).toBeTruthy());

    expect(opens).toEqual([{ version: (await readChunkSizes(session.db)).version, searchPublished: false }]);
    expect(listsSent).toEqual([{ searchPublished: false }]);
    expect(published.at(-1)!.search!.search('a', { limit: 2 }).positions).toEqual([2, 0]);
  });

  it('does not keep a first screen the next popup already has at this version', async () => {
    const { loader, kept, published } = await syncedLoader(300, { kept: { accountKey: 'any', libraryVersion: 7, sizes: [], newest: [] } });
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.search).toBeTruthy());
    expect(kept).toEqual([]);
  });

  it('on a reload where the stored library did not change, republishes the same search at the new status version', async () => {
    const { loader, status, published } = await syncedLoader(300);
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.search).toBeTruthy());
    const before = published.at(-1)!;

    status.version = 8;
    loader.reload();
    await vi.waitFor(() => expect(published.at(-1)?.version).toBe(8));
    expect(published.at(-1)!.search).toBe(before.search);
    expect(published.at(-1)!.tracks).toBe(before.tracks);
  });

  it('on a reload after a sync changed the library, publishes a search of the new tracks', async () => {
    const { session, loader, status, published } = await syncedLoader(300);
    loader.start();
    await vi.waitFor(() => expect(published.at(-1)?.search).toBeTruthy());

    session.standIn.library.removeAt([0, 1, 2]);
    await syncSavedTracks({ db: session.db, api: session.api });
    status.version = 8;
    loader.reload();
    await vi.waitFor(() => expect(published.at(-1)?.version).toBe(8));
    const reloaded = published.at(-1)!;
    expect(reloaded.tracks.total).toBe(297);
    expect(reloaded.tracks.trackAt(0)?.uri).toBe((await readAllTracks(session.db))[0]!.uri);
  });

  it('publishes nothing once stopped', async () => {
    const { loader, published } = await syncedLoader(300);
    loader.start();
    loader.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published).toEqual([]);
    expect(loader.library).toBeNull();
  });

  it('shows a first screen as a library that lists its tracks and waits for the database for the rest', () => {
    const track = {
      id: 'a'.repeat(22),
      uri: `spotify:track:${'a'.repeat(22)}`,
      name: 'Song',
      artists: [{ name: 'Band' }],
      album: { name: 'Album', image: null },
      durationMs: 1000,
      addedAt: '2026-01-01T00:00:00Z',
    };
    const library = firstScreenLibrary({ accountKey: 'me', libraryVersion: 4, sizes: [1, 5], newest: [track] });
    expect(library).toMatchObject({ accountKey: 'me', fromFirstScreen: true, search: null, version: 4 });
    expect(library.tracks.total).toBe(6);
    expect(library.tracks.trackAt(0)).toEqual(track);
    expect(library.tracks.trackAt(3)).toBeUndefined();
  });
});
