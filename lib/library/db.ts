import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { packSearchKeys } from './search-chunk-keys';
import type { RestoreJobRecord } from './restore-records';
import type { PackedList, PackedTrack } from './packed-tracks';

/**
 * One IndexedDB database per Spotify account (SPEC §4), laid out for 100,000 tracks.
 *
 * Measured in Chromium (issue #3): 100k tracks as one record each took 23–27 s to write and
 * 3.3–4.4 s to read back, a few large values 3 s and 0.3–0.7 s. So tracks live in chunks of
 * up to CHUNK_SLOTS, the popup's search keys in parallel chunks (one quick read, no track
 * deserialized), and the badge's lookups in a few hundred hashed buckets, each a small record.
 *
 * Every record carries a generation. Readers take the generation from the `library` meta
 * record in the same transaction, so a full re-sync writes a whole new generation beside the
 * old one and publishes it by changing that one number: nobody ever sees half of it.
 */
export interface LibraryDbSchema extends DBSchema {
  meta: { key: MetaRecord['key']; value: MetaRecord };
  trackChunks: { key: [number, number]; value: TrackChunkRecord };
  searchChunks: { key: [number, number]; value: SearchChunkRecord };
  idBuckets: { key: [number, number]; value: IdBucketRecord };
  isrcBuckets: { key: [number, number]; value: IsrcBucketRecord };
  stagedPages: { key: [number, number]; value: StagedPageRecord };
  /** Since version 2: tracks that were saved and are gone (lib/library/removal-history.ts). */
  removedTracks: { key: string; value: RemovedTrackRecord; indexes: { removedAt: string } };
  /** Since version 2: the restore job of this account, if any (lib/restore). */
  restoreJob: { key: RestoreJobRecord['key']; value: RestoreJobRecord };
}

export type LibraryDb = IDBPDatabase<LibraryDbSchema>;
export type LibraryStoreName = StoreNames<LibraryDbSchema>;
export type LibraryTransaction<Stores extends ArrayLike<LibraryStoreName>, Mode extends IDBTransactionMode> = IDBPTransaction<LibraryDbSchema, Stores, Mode>;

/** Slots per chunk: 20 pages. Reads of a 1,000-track chunk stay in the low milliseconds. */
export const CHUNK_SLOTS = 1000;

/** Slot keys kept in the meta record, so "nothing changed" costs one page and no chunk read. */
export const HEAD_SLOTS = 50;

export type MetaRecord = LibraryMeta | FullSyncCheckpoint;

export interface LibraryMeta {
  key: 'library';
  generation: number;
  /** False while the very first sync is still filling the library (SPEC §4: partial). */
  complete: boolean;
  /** Tracks kept. */
  total: number;
  /**
   * Places in the server's list, skipped items and unavailable places included: what `total`
   * in a page counts.
   */
  serverTotal: number;
  lastSyncedAt: number | null;
  /** Bumped by every change, so open pages know to reload. */
  version: number;
  /** Chunks in display order (newest saved first). */
  chunks: ChunkInfo[];
  /**
   * Keys of the items page 0 returned at the last sync: of the first HEAD_SLOTS slots, those
   * not unavailable. (After a Save or Remove in the extension, the cache's own first slots.)
   */
  head: string[];
}

/** How a library's places divide (SPEC §3, §9): tracks kept, items skipped, places never returned. */
export interface LibraryPlaces {
  /** Tracks cached. */
  total: number;
  /** Items Spotify lists that could not be kept (`track: null`…). */
  skipped: number;
  /** Places Spotify counts in `total` but returns no item for. */
  unavailable: number;
}

export function placesOf(meta: Pick<LibraryMeta, 'total' | 'serverTotal' | 'chunks'>): LibraryPlaces {
  const unavailable = meta.chunks.reduce((sum, info) => sum + (info.unavailable ?? 0), 0);
  return { total: meta.total, skipped: meta.serverTotal - meta.total - unavailable, unavailable };
}

export interface ChunkInfo {
  seq: number;
  tracks: number;
  slots: number;
  /** Of its slots, places Spotify counts but never returns (slots.ts, unavailableSlot); absent before issue #12. */
  unavailable?: number;
  /** `added_at` of its last slot: where a track saved at a given time belongs. */
  oldestAddedAt: string;
}

/**
 * A full sync in progress, enough to resume it in a restarted service worker without
 * refetching the pages already staged (SPEC §4).
 */
export interface FullSyncCheckpoint {
  key: 'checkpoint';
  /** The generation being built. */
  gen: number;
  /** The first sync shows its chunks as they are assembled, marked partial. */
  visible: boolean;
  /** Each pass is bracketed by its first page and a closing head check (see reconcile.ts). */
  pass: number;
  /** `starting`: the pass needs its page 0; `assembling`: the staged pages are the list. */
  phase: 'starting' | 'fetching' | 'assembling';
  startTotal: number;
  startHead: string[];
  /**
   * `total` each page of this pass reported; null for pages not fetched yet. As stored, pages
   * staged since the checkpoint was last written are still null: their staged records hold
   * their totals (full-sync.ts, readFullSyncCheckpoint).
   */
  pageTotals: Array<number | null>;
  /** Chunks [0, assembledChunks) of this pass are written. */
  assembledChunks: number;
}

export interface TrackChunkRecord extends PackedList {
  gen: number;
  /** Display order; adds at the head get lower numbers, so nothing else moves. */
  seq: number;
}

export interface SearchChunkRecord {
  gen: number;
  seq: number;
  /**
   * `searchKeyOf(track)` for each track of the chunk with the same seq, in order, packed
   * (search-chunk-keys.ts; an array of strings before schema version 3).
   */
  keys: string;
}

export interface IdBucketRecord {
  gen: number;
  bucket: number;
  /** Track URI → seq of the chunk holding it. */
  chunkOf: Record<string, number>;
}

export interface IsrcBucketRecord {
  gen: number;
  bucket: number;
  /** ISRC → the saved tracks with it, with their album name for "another version is saved". */
  tracksOf: Record<string, Array<[uri: string, albumName: string]>>;
}

/** A fetched page of a full sync, kept until the chunk it belongs to is written (which holds it from then on). */
export interface StagedPageRecord extends PackedList {
  gen: number;
  offset: number;
  pass: number;
  total: number;
}

/**
 * Who took a track out: a sync that found it gone from Spotify (removed on any device), or
 * Remove in Tracklight itself (the popup, the context menu).
 */
export type RemovalSource = 'sync' | 'tracklight';

/**
 * A track that was saved and is not any more, with when that was seen. Keyed by URI: a track
 * removed, saved again and removed again is listed once, at its last removal. Outside the
 * generations: a full re-sync replaces the library, never this history.
 */
export interface RemovedTrackRecord {
  uri: string;
  /** ISO 8601: when a sync found it gone, or when it was removed in Tracklight. */
  removedAt: string;
  by: RemovalSource;
  /** The track as it was cached, `addedAt` the time it had been saved. */
  row: PackedTrack;
  /** `searchKeyOf(track)`, so the history is searched like the library. */
  searchKey: string;
}

export const GENERATION_STORES = ['trackChunks', 'searchChunks', 'idBuckets', 'isrcBuckets', 'stagedPages'] as const;

type Upgrade = (db: IDBPDatabase<LibraryDbSchema>, transaction: IDBPTransaction<LibraryDbSchema, LibraryStoreName[], 'versionchange'>) => void;

/** Numbered upgrades: version N runs UPGRADES[N - 1]. Never edit one that has shipped. */
const UPGRADES: Upgrade[] = [
  (db) => {
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('trackChunks', { keyPath: ['gen', 'seq'] });
    db.createObjectStore('searchChunks', { keyPath: ['gen', 'seq'] });
    db.createObjectStore('idBuckets', { keyPath: ['gen', 'bucket'] });
    db.createObjectStore('isrcBuckets', { keyPath: ['gen', 'bucket'] });
    db.createObjectStore('stagedPages', { keyPath: ['gen', 'offset'] });
  },
  // 2: the history of removals and the restore job. Adds stores only: the library is untouched.
  (db) => {
    db.createObjectStore('removedTracks', { keyPath: 'uri' }).createIndex('removedAt', 'removedAt');
    db.createObjectStore('restoreJob', { keyPath: 'key' });
  },
  // 3: each search chunk's keys packed into one string (search-chunk-keys.ts). The cursor's
  // requests keep the versionchange transaction open: the database opens once all are rewritten.
  (_db, transaction) => {
    void packSearchChunks(transaction.objectStore('searchChunks'));
  },
];

async function packSearchChunks(store: IDBPObjectStore<LibraryDbSchema, LibraryStoreName[], 'searchChunks', 'versionchange'>): Promise<void> {
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const keys: unknown = cursor.value.keys;
    if (Array.isArray(keys)) await cursor.update({ ...cursor.value, keys: packSearchKeys(keys as string[]) });
  }
}

export const LIBRARY_DB_VERSION = UPGRADES.length;

export function libraryDbName(accountKey: string): string {
  return `tracklight-library-${accountKey}`;
}

export function openLibraryDb(accountKey: string): Promise<LibraryDb> {
  return openDB<LibraryDbSchema>(libraryDbName(accountKey), LIBRARY_DB_VERSION, {
    upgrade(db, oldVersion, newVersion, transaction) {
      for (let version = oldVersion; version < (newVersion ?? LIBRARY_DB_VERSION); version++) {
        UPGRADES[version]!(db, transaction);
      }
    },
    // A newer extension version wants to upgrade: let it, this page or worker reloads anyway.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

export function deleteLibraryDb(accountKey: string): Promise<void> {
  return deleteDB(libraryDbName(accountKey));
}

/** All keys of one generation in a `[gen, n]`-keyed store. */
export function generationRange(gen: number): IDBKeyRange {
  return IDBKeyRange.bound([gen, -Infinity], [gen, Infinity]);
}
