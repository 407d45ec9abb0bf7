import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { generationRange } from '../../../lib/library/db';
import {
  applyLocalRemove,
  applyLocalSave,
  findSavedByIsrc,
  findSavedTrack,
  isTrackSaved,
  openLibraryDb,
  readAllTracks,
  readCheckpoint,
  readChunkSizes,
  readLibrarySummary,
  readNewestTracks,
  readSearchKeys,
  readTrackChunk,
  StorageFullError,
  undoLocalRemove,
  undoLocalSave,
} from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { isoSeconds } from '../../stand-in/library';
import { expectCacheEqualsServer } from './cache-assertions';
import { startSession, type StandInSession } from './stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function syncedSession(size: number, seed = 41): Promise<StandInSession> {
  session = await startSession({ library: { size, seed } });
  await syncSavedTracks({ db: session.db, api: session.api });
  session.resetCounts();
  return session;
}

const keyOf = (track: StoredTrack) => `${track.uri}@${track.addedAt}`;

/** A catalog track the user has not saved, as the popup's Save would store it. */
function unsavedTrack(s: StandInSession): StoredTrack {
  const track = s.standIn.library.track(s.standIn.library.unsavedIds()[0]!)!;
  return toStoredTrack({ added_at: isoSeconds(Date.now()), track })!;
}

describe('library store', () => {
  it('reads as empty before the first sync', async () => {
    session = await startSession({ library: { size: 10 } });
    const { db } = session;
    expect(await readLibrarySummary(db)).toEqual({ total: 0, complete: false, lastSyncedAt: null, version: 0, unavailable: 0 });
    expect(await readSearchKeys(db)).toEqual([]);
    expect(await readAllTracks(db)).toEqual([]);
    expect(await readNewestTracks(db, 20)).toEqual([]);
    expect(await readTrackChunk(db, 0)).toEqual([]);
    expect(await findSavedTrack(db, '4uLU6hMCjMI75M1A2tKUQC')).toBeNull();
    expect(await findSavedByIsrc(db, 'USUM71703861')).toEqual([]);
  });

  it('serves chunks, the newest tracks and search keys in display order', async () => {
    const { db } = await syncedSession(2500);
    const all = await readAllTracks(db);
    const { sizes } = await readChunkSizes(db);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(all.length);
    const chunks = await Promise.all(sizes.map((_, index) => readTrackChunk(db, index)));
    expect(chunks.flat()).toEqual(all);
    expect(await readTrackChunk(db, sizes.length)).toEqual([]);
    expect(await readNewestTracks(db, 20)).toEqual(all.slice(0, 20));
    expect(await readNewestTracks(db, 1500)).toEqual(all.slice(0, 1500));
    expect(await readSearchKeys(db)).toEqual(all.map(searchKeyOf));
  });

  it('finds saved tracks by id and other versions by ISRC without reading the library', async () => {
    const { db } = await syncedSession(1500);
    const all = await readAllTracks(db);
    for (const track of all.filter((_, index) => index % 97 === 0)) {
      expect(await findSavedTrack(db, track.id ?? track.uri)).toEqual(track);
      expect(await isTrackSaved(db, track.id ?? track.uri)).toBe(true);
    }
    expect(await findSavedTrack(db, '0000000000000000000000')).toBeNull();
    expect(await isTrackSaved(db, '0000000000000000000000')).toBe(false);

    const byIsrc = new Map<string, StoredTrack[]>();
    for (const track of all) if (track.isrc) byIsrc.set(track.isrc, [...(byIsrc.get(track.isrc) ?? []), track]);
    const [isrc, versions] = [...byIsrc].find(([, tracks]) => tracks.length > 1)!;
    const expectedVersions = versions.map((track) => ({ uri: track.uri, albumName: track.album.name }));
    expect(new Set(await findSavedByIsrc(db, isrc))).toEqual(new Set(expectedVersions));
  });

  it('applies a Save at once and lets the next sync settle it in one request', async () => {
    const s = await syncedSession(1200);
    const track = unsavedTrack(s);
    const before = await readLibrarySummary(s.db);
    expect(await applyLocalSave(s.db, track)).toEqual({ uri: track.uri, displaced: null });
    expect(await applyLocalSave(s.db, track)).toBeNull();
    expect(await findSavedTrack(s.db, track.id!)).toEqual(track);
    expect(await readNewestTracks(s.db, 1)).toEqual([track]);
    const after = await readLibrarySummary(s.db);
    expect(after.total).toBe(before.total + 1);
    expect(after.version).toBeGreaterThan(before.version);
    expect((await readSearchKeys(s.db))[0]).toBe(searchKeyOf(track));

    s.standIn.library.save([track.id!]);
    await syncSavedTracks({ db: s.db, api: s.api });
    await expectCacheEqualsServer(s.db, s.standIn);
    expect(s.tracksRequests()).toBe(1);
  });

  it('rolls a Save back, and a Remove back to its exact place', async () => {
    const s = await syncedSession(2100);
    const before = (await readAllTracks(s.db)).map(keyOf);

    const track = unsavedTrack(s);
    const save = (await applyLocalSave(s.db, track))!;
    expect(await undoLocalSave(s.db, save)).toBe(true);
    expect((await readAllTracks(s.db)).map(keyOf)).toEqual(before);

    for (const position of [0, 999, 1000, 1500, 2099]) {
      const uri = (await readAllTracks(s.db))[position]!.uri;
      const removal = (await applyLocalRemove(s.db, uri, Date.now()))!;
      expect(await findSavedTrack(s.db, uri)).toBeNull();
      expect((await readAllTracks(s.db)).length).toBe(before.length - 1);
      expect(await undoLocalRemove(s.db, removal)).toBe(true);
      expect((await readAllTracks(s.db)).map(keyOf)).toEqual(before);
    }
    expect(await applyLocalRemove(s.db, 'spotify:track:0000000000000000000000', Date.now())).toBeNull();
    await syncSavedTracks({ db: s.db, api: s.api });
    await expectCacheEqualsServer(s.db, s.standIn);
  });

  it('grows a full head chunk with a new chunk instead of renumbering the others', async () => {
    const s = await syncedSession(1000);
    s.standIn.library.add(30);
    await syncSavedTracks({ db: s.db, api: s.api });
    expect((await readChunkSizes(s.db)).sizes).toEqual([30, 1000]);
    await expectCacheEqualsServer(s.db, s.standIn);
  });

  it('leaves a partial library alone: local edits wait for the first sync to finish', async () => {
    session = await startSession({ library: { size: 10 } });
    expect(await applyLocalSave(session.db, unsavedTrack(session))).toBeNull();
  });

  it('reports a full disk as StorageFullError and keeps the library it had', async () => {
    const s = await syncedSession(1500);
    const before = await readAllTracks(s.db);
    const summary = await readLibrarySummary(s.db);
    s.standIn.library.removeAt(Array.from({ length: 40 }, (_, index) => index * 35));

    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'trackChunks' && ++puts > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(syncSavedTracks({ db: s.db, api: s.api })).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await readAllTracks(s.db)).toEqual(before);
    expect(await readLibrarySummary(s.db)).toEqual(summary);
    expect(await readCheckpoint(s.db)).toBeUndefined();
    expect(await s.db.count('stagedPages')).toBe(0);

    await syncSavedTracks({ db: s.db, api: s.api });
    await expectCacheEqualsServer(s.db, s.standIn);
  });

  it('keeps the library across reopening the database', async () => {
    const s = await syncedSession(300);
    const before = await readAllTracks(s.db);
    s.db.close();
    s.db = await openLibraryDb(s.accountKey);
    expect(await readAllTracks(s.db)).toEqual(before);
  });

  it('stores at most 700 bytes per track (SPEC §8), counted as structured-clone bytes', async () => {
    const { db } = await syncedSession(5000);
    const meta = await db.get('meta', 'library');
    const range = generationRange(meta!.key === 'library' ? meta!.generation : 0);
    const records = [
      meta,
      ...(await db.getAll('trackChunks', range)),
      ...(await db.getAll('searchChunks', range)),
      ...(await db.getAll('idBuckets', range)),
      ...(await db.getAll('isrcBuckets', range)),
    ];
    const bytes = records.reduce((sum, record) => sum + serialize(record).byteLength, 0);
    const perTrack = bytes / (await readLibrarySummary(db)).total;
    expect(perTrack).toBeLessThanOrEqual(700);
  });
});
