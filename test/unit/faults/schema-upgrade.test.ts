/**
 * SPEC §9: database schema upgrades keep the user's data.
 *
 * Each schema version the extension has shipped gets a fixture here: the records as that
 * version wrote them, written with raw IndexedDB (not through today's code, which would only
 * prove that today's code agrees with itself). Every fixture is then opened with
 * `openLibraryDb`, which runs whatever upgrades lie between it and the current version, and read
 * back through the store's readers and the sync engine.
 *
 * Version 2 added the history of removals and the restore job (stores only): the version-1
 * fixture runs through the real 1 → 2 upgrade and comes out with an empty history that the
 * next sync fills; the version-2 fixture keeps the entry it had. Version 3 packed each search
 * chunk's keys into one string: the older fixtures' arrays of keys go through that rewrite. When
 * version 4 lands, add its fixture (never edit a shipped one's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deleteLibraryDb, libraryDbName, LIBRARY_DB_VERSION } from '../../../lib/library/db';
import {
  findSavedByIsrc,
  findSavedTrack,
  openLibraryDb,
  readAllTracks,
  readLibrarySummary,
  readRemovalHistory,
  readSearchKeys,
  type LibraryDb,
  type RemovedTrack,
} from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';
import type { SavedTrackObject } from '../../stand-in/spotify-types';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The library every fixture holds: three tracks (one a local file) and one item Spotify lists as `track: null`. */
const SIGUR_ROS: StoredTrack = {
  id: '7oP8qR9sT0uV1wX2yZ3aB4',
  uri: 'spotify:track:7oP8qR9sT0uV1wX2yZ3aB4',
  name: 'Svefn-g-englar',
  artists: [{ id: '6UUrUCIZtQeOf8tC0WuzRy', name: 'Sigur Rós' }],
  album: { id: '2XgAa1bcdEfGhIjKlMnOpQ', name: 'Ágætis byrjun', image: 'https://i.scdn.co/image/ab67616d00004851aaaa', releaseDate: '1999-06-12' },
  durationMs: 600_000,
  explicit: false,
  isrc: 'ISAAA9900002',
  addedAt: '2026-10-30T20:00:00Z',
  isLocal: false,
  isPlayable: true,
};
const BJORK: StoredTrack = {
  id: '0aB1cD2eF3gH4iJ5kL6mN7',
  uri: 'spotify:track:0aB1cD2eF3gH4iJ5kL6mN7',
  name: 'Hyperballad',
  artists: [{ id: '7w29UYBi0qsHi5RTcv3lmA', name: 'Björk' }],
  album: { id: '3pOsTaBcDeFgHiJkLmNoPq', name: 'Post', image: null, releaseDate: '1995-06-13' },
  durationMs: 321_000,
  explicit: true,
  isrc: 'GBAAA9500001',
  addedAt: '2026-10-01T08:00:00Z',
  isLocal: false,
  isPlayable: null,
};
const HOLE_ADDED_AT = '2026-09-15T12:00:00Z';
const LOCAL_FILE: StoredTrack = {
  id: null,
  uri: 'spotify:local:Me:Home+Recordings:Demo+%28take+3%29:187',
  name: 'Demo (take 3)',
  artists: [{ id: null, name: 'Me' }],
  album: { id: null, name: 'Home Recordings', image: null, releaseDate: null },
  durationMs: 187_000,
  explicit: false,
  isrc: null,
  addedAt: '2026-09-01T10:00:00Z',
  isLocal: true,
  isPlayable: null,
};
const TRACKS = [SIGUR_ROS, BJORK, LOCAL_FILE];
const LAST_SYNCED_AT = Date.parse('2026-10-31T00:00:00Z');

/** Version 1's object stores, as UPGRADES[0] created them. */
function createVersion1Stores(db: IDBDatabase): void {
  db.createObjectStore('meta', { keyPath: 'key' });
  db.createObjectStore('trackChunks', { keyPath: ['gen', 'seq'] });
  db.createObjectStore('searchChunks', { keyPath: ['gen', 'seq'] });
  db.createObjectStore('idBuckets', { keyPath: ['gen', 'bucket'] });
  db.createObjectStore('isrcBuckets', { keyPath: ['gen', 'bucket'] });
  db.createObjectStore('stagedPages', { keyPath: ['gen', 'offset'] });
}

/** Version 1's records, literally: track rows as tuples, hashed buckets, search keys with their field markers. */
function fillVersion1(transaction: IDBTransaction): void {
  const store = (name: string) => transaction.objectStore(name);
  store('meta').put({
    key: 'library',
    generation: 3,
    complete: true,
    total: 3,
    serverTotal: 4,
    lastSyncedAt: LAST_SYNCED_AT,
    version: 12,
    // Chunk -1 came from saves at the head after the full sync (no chunk is ever renumbered).
    chunks: [
      { seq: -1, tracks: 1, slots: 1, oldestAddedAt: '2026-10-30T20:00:00Z' },
      { seq: 0, tracks: 2, slots: 3, oldestAddedAt: '2026-09-01T10:00:00Z' },
    ],
    head: [
      'spotify:track:7oP8qR9sT0uV1wX2yZ3aB4@2026-10-30T20:00:00Z',
      'spotify:track:0aB1cD2eF3gH4iJ5kL6mN7@2026-10-01T08:00:00Z',
      `@${HOLE_ADDED_AT}`,
      'spotify:local:Me:Home+Recordings:Demo+%28take+3%29:187@2026-09-01T10:00:00Z',
    ],
  });
  store('trackChunks').put({
    gen: 3,
    seq: -1,
    rows: [
      [
        '7oP8qR9sT0uV1wX2yZ3aB4',
        null,
        'Svefn-g-englar',
        ['6UUrUCIZtQeOf8tC0WuzRy', 'Sigur Rós'],
        '2XgAa1bcdEfGhIjKlMnOpQ',
        'Ágætis byrjun',
        'ab67616d00004851aaaa',
        '1999-06-12',
        600_000,
        4,
        'ISAAA9900002',
        '2026-10-30T20:00:00Z',
      ],
    ],
    holes: [],
  });
  store('trackChunks').put({
    gen: 3,
    seq: 0,
    rows: [
      [
        '0aB1cD2eF3gH4iJ5kL6mN7',
        null,
        'Hyperballad',
        ['7w29UYBi0qsHi5RTcv3lmA', 'Björk'],
        '3pOsTaBcDeFgHiJkLmNoPq',
        'Post',
        null,
        '1995-06-13',
        321_000,
        1,
        'GBAAA9500001',
        '2026-10-01T08:00:00Z',
      ],
      [
        null,
        'spotify:local:Me:Home+Recordings:Demo+%28take+3%29:187',
        'Demo (take 3)',
        [null, 'Me'],
        null,
        'Home Recordings',
        null,
        null,
        187_000,
        2,
        null,
        '2026-09-01T10:00:00Z',
      ],
    ],
    holes: [{ before: 1, addedAt: HOLE_ADDED_AT }],
  });
  store('searchChunks').put({ gen: 3, seq: -1, keys: ['\u0001svefngenglar\u0001g\u0001englar\u0002sigur\u0002ros\u0003agaetis\u0003byrjun'] });
  store('searchChunks').put({
    gen: 3,
    seq: 0,
    keys: ['\u0001hyperballad\u0002bjork\u0003post', '\u0001demo\u0001take\u00013\u0002me\u0003home\u0003recordings'],
  });
  // FNV-1a of the URI / ISRC, modulo 256.
  store('idBuckets').put({ gen: 3, bucket: 207, chunkOf: { 'spotify:track:7oP8qR9sT0uV1wX2yZ3aB4': -1 } });
  store('idBuckets').put({ gen: 3, bucket: 229, chunkOf: { 'spotify:track:0aB1cD2eF3gH4iJ5kL6mN7': 0 } });
  store('idBuckets').put({ gen: 3, bucket: 230, chunkOf: { 'spotify:local:Me:Home+Recordings:Demo+%28take+3%29:187': 0 } });
  store('isrcBuckets').put({ gen: 3, bucket: 42, tracksOf: { GBAAA9500001: [['spotify:track:0aB1cD2eF3gH4iJ5kL6mN7', 'Post']] } });
  store('isrcBuckets').put({ gen: 3, bucket: 126, tracksOf: { ISAAA9900002: [['spotify:track:7oP8qR9sT0uV1wX2yZ3aB4', 'Ágætis byrjun']] } });
  // Left behind by an abandoned re-sync: never visible, dropped by the next full sync.
  store('trackChunks').put({ gen: 4, seq: 0, rows: [], holes: [] });
}

/** A track removed before the fixture was written, as version 2's history holds it. */
const JOGA: RemovedTrack = {
  track: {
    id: '1bC2dE3fG4hI5jK6lM7nO8',
    uri: 'spotify:track:1bC2dE3fG4hI5jK6lM7nO8',
    name: 'Jóga',
    artists: [{ id: '7w29UYBi0qsHi5RTcv3lmA', name: 'Björk' }],
    album: { id: '4qRsTuVwXyZaBcDeFgHiJk', name: 'Homogenic', image: 'https://i.scdn.co/image/ab67616d00004851bbbb', releaseDate: '1997-09-22' },
    durationMs: 305_000,
    explicit: false,
    isrc: 'GBAAA9700003',
    addedAt: '2026-08-01T09:00:00Z',
    isLocal: false,
    isPlayable: true,
  },
  removedAt: '2026-10-20T18:30:00Z',
  by: 'sync',
};

/** Version 2's stores: version 1's, the history of removals (by URI, indexed by time) and the restore job. */
function createVersion2Stores(db: IDBDatabase): void {
  createVersion1Stores(db);
  db.createObjectStore('removedTracks', { keyPath: 'uri' }).createIndex('removedAt', 'removedAt');
  db.createObjectStore('restoreJob', { keyPath: 'key' });
}

/** Version 1's records and one removal, literally: its track as a row tuple, its search key. */
function fillVersion2(transaction: IDBTransaction): void {
  fillVersion1(transaction);
  transaction.objectStore('removedTracks').put({
    uri: 'spotify:track:1bC2dE3fG4hI5jK6lM7nO8',
    removedAt: '2026-10-20T18:30:00Z',
    by: 'sync',
    row: [
      '1bC2dE3fG4hI5jK6lM7nO8',
      null,
      'Jóga',
      ['7w29UYBi0qsHi5RTcv3lmA', 'Björk'],
      '4qRsTuVwXyZaBcDeFgHiJk',
      'Homogenic',
      'ab67616d00004851bbbb',
      '1997-09-22',
      305_000,
      4,
      'GBAAA9700003',
      '2026-08-01T09:00:00Z',
    ],
    searchKey: '\u0001joga\u0002bjork\u0003homogenic',
  });
}

/** Version 2's records with each search chunk's keys packed: each key ends in a newline. */
function fillVersion3(transaction: IDBTransaction): void {
  fillVersion2(transaction);
  const store = transaction.objectStore('searchChunks');
  store.put({ gen: 3, seq: -1, keys: '\u0001svefngenglar\u0001g\u0001englar\u0002sigur\u0002ros\u0003agaetis\u0003byrjun\n' });
  store.put({ gen: 3, seq: 0, keys: '\u0001hyperballad\u0002bjork\u0003post\n\u0001demo\u0001take\u00013\u0002me\u0003home\u0003recordings\n' });
}

interface Fixture {
  version: number;
  /** Creates the stores of that version (in its versionchange transaction). */
  createStores(db: IDBDatabase): void;
  /** Writes that version's records for the library above. */
  fill(transaction: IDBTransaction): void;
  /** The history of removals it holds. */
  history: RemovedTrack[];
}

/** One entry per schema version ever shipped, oldest first. Never edit a shipped one. */
const FIXTURES: Fixture[] = [
  { version: 1, createStores: createVersion1Stores, fill: fillVersion1, history: [] },
  { version: 2, createStores: createVersion2Stores, fill: fillVersion2, history: [JOGA] },
  // Version 3 added no store.
  { version: 3, createStores: createVersion2Stores, fill: fillVersion3, history: [JOGA] },
];

/** The database as an older extension version left it on disk. */
function writeFixture(accountKey: string, fixture: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(libraryDbName(accountKey), fixture.version);
    request.onupgradeneeded = () => {
      fixture.createStores(request.result);
      fixture.fill(request.transaction!);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** The same library on the stand-in, as Spotify lists it. */
function savedItems(): SavedTrackObject[] {
  const item = (track: StoredTrack) => ({
    added_at: track.addedAt,
    track: {
      id: track.id,
      uri: track.uri,
      name: track.name,
      artists: track.artists,
      album: {
        id: track.album.id,
        name: track.album.name,
        images: track.album.image ? [{ url: track.album.image, width: 64, height: 64 }] : [],
        release_date: track.album.releaseDate,
      },
      duration_ms: track.durationMs,
      explicit: track.explicit,
      external_ids: track.isrc ? { isrc: track.isrc } : {},
      is_local: track.isLocal,
      ...(track.isPlayable === null ? {} : { is_playable: track.isPlayable }),
    },
  });
  return [item(SIGUR_ROS), item(BJORK), { added_at: HOLE_ADDED_AT, track: null }, item(LOCAL_FILE)] as unknown as SavedTrackObject[];
}

/** A signed-in session whose library database is the fixture, opened by today's code. */
async function sessionOnFixture(fixture: Fixture): Promise<{ s: StandInSession; db: LibraryDb }> {
  const s = await startSession({ library: savedItems() });
  session = s;
  s.db.close();
  await deleteLibraryDb(s.accountKey);
  await writeFixture(s.accountKey, fixture);
  s.db = await openLibraryDb(s.accountKey);
  return { s, db: s.db };
}

describe('schema upgrades keep the library', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(FIXTURES.map((fixture) => fixture.version)).toEqual(Array.from({ length: LIBRARY_DB_VERSION }, (_, index) => index + 1));
  });

  describe.each(FIXTURES)('a library written by schema version $version', (fixture) => {
    it('opens with every track, hole, bucket and search key intact', async () => {
      const { db } = await sessionOnFixture(fixture);
      expect(db.version).toBe(LIBRARY_DB_VERSION);
      expect(await readAllTracks(db)).toEqual(TRACKS);
      expect(await readLibrarySummary(db)).toEqual({ total: 3, complete: true, lastSyncedAt: LAST_SYNCED_AT, version: 12, unavailable: 0 });
      expect(await findSavedTrack(db, BJORK.id!)).toEqual(BJORK);
      expect(await findSavedTrack(db, LOCAL_FILE.uri)).toEqual(LOCAL_FILE);
      expect(await findSavedByIsrc(db, 'ISAAA9900002')).toEqual([{ uri: SIGUR_ROS.uri, albumName: 'Ágætis byrjun' }]);
      // Stored search keys still match what today's code would compute, so search finds the same.
      expect(await readSearchKeys(db)).toEqual(TRACKS.map(searchKeyOf));
      expect(await readRemovalHistory(db)).toEqual({
        removed: fixture.history,
        searchKeys: fixture.history.map((removed) => searchKeyOf(removed.track)),
      });
    });

    it('is carried on by the next sync: one request when nothing changed, then exact', async () => {
      const { s, db } = await sessionOnFixture(fixture);
      const unchanged = await syncSavedTracks({ db, api: s.api });
      expect(unchanged).toMatchObject({ kind: 'unchanged', requests: 1, skipped: 1, total: 3 });
      s.standIn.library.add(2);
      s.standIn.library.removeAt([2]);
      const syncedAt = Date.parse('2026-11-02T10:00:00Z');
      const caughtUp = await syncSavedTracks({ db, api: s.api, now: () => syncedAt });
      expect(caughtUp.kind).toBe('incremental');
      await expectCacheEqualsServer(db, s.standIn);
      // The removal the sync found goes into the history, before what was there.
      expect((await readRemovalHistory(db)).removed).toEqual([{ track: SIGUR_ROS, removedAt: '2026-11-02T10:00:00Z', by: 'sync' }, ...fixture.history]);
    });
  });

  it('is not blocked by a page that still has the database open: the old connection steps aside', async () => {
    const accountKey = `upgrade-blocking-${Date.now()}`;
    const open = await openLibraryDb(accountKey);
    const upgraded = await new Promise<'upgraded' | 'blocked'>((resolve, reject) => {
      const request = indexedDB.open(libraryDbName(accountKey), LIBRARY_DB_VERSION + 1);
      // `blocked` fires only while another connection refuses to close.
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe('upgraded');
    open.close();
    await deleteLibraryDb(accountKey);
  });
});
