import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryDb, readAllTracks, readChunkSizes, readSearchKeys, readTrackChunk } from '../../../lib/library/store';
import { readSearchLibrary } from '../../../lib/popup/read-search-library';
import { wordInitialsOf, type WordInitials } from '../../../lib/search/word-initials';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { packListedTrack, unpackListedTrack, type ListedTrack } from '../../../lib/popup/listed-track';
import type { MessageEnd, TrackChunksMessage, TrackChunksRequest } from '../../../lib/popup/track-chunks-protocol';
import { createTrackChunksService } from '../../../lib/popup/track-chunks-service';
import { createTrackChunksClient } from '../../../lib/popup/track-chunks-client';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * The page's client and the worker's service joined in-process as postMessage joins them: each
 * message a task of its own, in order, structured-cloned; with a log of the chunks read. The
 * first read waits for `firstReadHeld`, if given: a test can then know its requests arrived
 * while the worker was busy with it, however slow the machine.
 */
function connect(accountKey: string, firstReadHeld?: Promise<void>) {
  const chunkReads: number[] = [];
  const pageListeners: Array<(event: MessageEvent<TrackChunksMessage>) => void> = [];
  const handle = createTrackChunksService({
    async openReader(key) {
      expect(key).toBe(accountKey);
      const db = await openLibraryDb(key);
      return {
        readChunk: async (chunk) => {
          const first = chunkReads.length === 0;
          chunkReads.push(chunk);
          if (first) await firstReadHeld;
          return readTrackChunk(db, chunk);
        },
        readSearchLibrary: () => readSearchLibrary(db),
        close: () => db.close(),
      };
    },
    post: (message, transfer) => {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => {
        for (const listener of pageListeners) listener({ data: copy } as MessageEvent<TrackChunksMessage>);
      });
    },
  });
  const worker: MessageEnd<TrackChunksRequest, TrackChunksMessage> = {
    postMessage: (request) => {
      const copy = structuredClone(request);
      setTimeout(() => handle(copy));
    },
    addEventListener: (_type, listener) => pageListeners.push(listener),
  };
  return { client: createTrackChunksClient(worker), chunkReads };
}

async function syncedSession(size: number): Promise<StandInSession> {
  session = await startSession({ library: { size, seed: 9 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  return session;
}

/** What a row shows of a track, listed or stored. */
const listed = (track: ListedTrack | null | undefined) =>
  track && {
    id: track.id,
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => artist.name),
    album: track.album.name,
    image: track.album.image,
    durationMs: track.durationMs,
    addedAt: track.addedAt,
  };

describe('packed listed tracks', () => {
  it('keep what a row shows, whatever the characters', () => {
    const track: ListedTrack = {
      id: null,
      uri: 'spotify:local:a:b:c:1',
      name: '<b>"Bold"</b>\u202E\u0000\u0001 \\ 💿',
      artists: [{ name: 'Sigur Rós' }, { name: '' }],
      album: { name: 'Ágætis byrjun', image: null },
      durationMs: 123_456,
      addedAt: '2024-03-12T10:00:00Z',
    };
    expect(unpackListedTrack(packListedTrack(track))).toEqual(track);
  });
});

describe('the track-chunks worker and its client', () => {
  it('sends every chunk, the wanted ones first, and the page finds each track by its position', async () => {
    const { db, accountKey } = await syncedSession(2300);
    const all = await readAllTracks(db);
    const { sizes, version } = await readChunkSizes(db);
    let releaseFirstRead!: () => void;
    const { client, chunkReads } = connect(accountKey, new Promise((resolve) => (releaseFirstRead = resolve)));

    const source = client.open({ accountKey, version, sizes }, all.slice(0, 50), () => undefined);
    expect(source.total).toBe(all.length);
    // The newest, read on the page for the first paint, are there from the start.
    expect(source.load([0, 49])).toBeNull();
    expect(listed(source.trackAt(10))).toEqual(listed(all[10]));

    const positions = [2250, 7, 1200, 999, 1000];
    expect(source.trackAt(2250)).toBeUndefined();
    const loaded = source.load(positions);
    // The request for them is a task of its own, due before this one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseFirstRead();
    await loaded;
    expect(positions.map((position) => listed(source.trackAt(position)))).toEqual(positions.map((position) => listed(all[position])));
    expect(source.trackAt(all.length)).toBeNull();
    // Whatever was read first, the chunk of 2250 (the last) was read before chunk 1.
    expect(chunkReads.indexOf(sizes.length - 1)).toBeLessThan(chunkReads.indexOf(1));

    await expect.poll(() => chunkReads.length).toBe(sizes.length);
    expect([...chunkReads].sort()).toEqual(sizes.map((_, chunk) => chunk));
    expect(source.load(all.map((_, position) => position))).toBeNull();
  });

  it('starts over for a new version, and the old version’s chunks go nowhere', async () => {
    const { db, accountKey } = await syncedSession(2300);
    const { sizes, version } = await readChunkSizes(db);
    const { client, chunkReads } = connect(accountKey);
    const old = client.open({ accountKey, version, sizes }, [], () => undefined);
    const current = client.open({ accountKey, version: version + 1, sizes }, [], () => undefined);
    await current.load([1500]);
    await expect.poll(() => chunkReads.length).toBeGreaterThanOrEqual(sizes.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(old.trackAt(1500)).toBeUndefined();
    expect(current.trackAt(1500)).toBeTruthy();
  });
});

describe('word-initials lists from the worker', () => {
  it('are built from the keys of the version the page opened, and moved to the page', async () => {
    const { db, accountKey } = await syncedSession(2300);
    const { sizes, version } = await readChunkSizes(db);
    const { client } = connect(accountKey);
    const received: WordInitials[] = [];
    client.open({ accountKey, version, sizes }, [], (initials) => received.push(initials));
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual(wordInitialsOf(await readSearchKeys(db)));
  });

  it('are not sent for keys of another version, nor for a version the page has left', async () => {
    const { db, accountKey } = await syncedSession(2300);
    const { sizes, version } = await readChunkSizes(db);
    const { client, chunkReads } = connect(accountKey);
    const received: string[] = [];
    // The stored keys are of `version`: the worker finds them behind what the page asks for.
    client.open({ accountKey, version: version + 1, sizes }, [], () => received.push('ahead'));
    await expect.poll(() => chunkReads.length).toBe(sizes.length);
    client.open({ accountKey, version, sizes }, [], () => received.push('left'));
    client.open({ accountKey, version: version + 2, sizes }, [], () => received.push('newest'));
    // Every chunk of the newest version read (and a few of the one left): its lists had time.
    await expect.poll(() => chunkReads.length).toBeGreaterThanOrEqual(2 * sizes.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
  });
});
