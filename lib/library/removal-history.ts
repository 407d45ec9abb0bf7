import type { IDBPObjectStore } from 'idb';
import { searchKeyOf } from '../search/search-key';
import type { LibraryDb, LibraryDbSchema, LibraryStoreName, RemovalSource, RemovedTrackRecord } from './db';
import { decodeTrack, encodeTrack } from './packed-tracks';
import type { StoredTrack } from '../tracks/stored-track';
import { inWriteTransaction } from './write-transaction';

/**
 * "Removed from Spotify" (SPEC §1 item 6): every track that left the library, kept with when
 * it left, until it is saved again. Whatever changes the library keeps this history in step in
 * the same transaction — an incremental sync's removals (LibraryEditor), a full re-sync's
 * (publishGeneration), Remove in Tracklight (local-edits.ts) — so a track is never both in the
 * library and in the history.
 */

export type { RemovalSource } from './db';

export interface RemovedTrack {
  track: StoredTrack;
  /** ISO 8601. */
  removedAt: string;
  by: RemovalSource;
}

/** Removed tracks newest removal first, with their search keys in the same order. */
export interface RemovalHistory {
  removed: RemovedTrack[];
  searchKeys: string[];
}

/** The history's store in any write transaction that includes it. */
export type HistoryStore = IDBPObjectStore<LibraryDbSchema, ArrayLike<LibraryStoreName>, 'removedTracks', 'readwrite'>;

/** How a removal is written down. */
export interface RemovalStamp {
  at: string;
  by: RemovalSource;
}

export function removedTrackRecord(track: StoredTrack, stamp: RemovalStamp): RemovedTrackRecord {
  return { uri: track.uri, removedAt: stamp.at, by: stamp.by, row: encodeTrack(track), searchKey: searchKeyOf(track) };
}

/** Writes removals into the history, in a transaction that also changes the library. */
export function recordRemovals(store: HistoryStore, tracks: Iterable<StoredTrack>, stamp: RemovalStamp): Promise<unknown> {
  return Promise.all([...tracks].map((track) => store.put(removedTrackRecord(track, stamp))));
}

/** Saved again: these leave the history (the URIs not in it are ignored). */
export function forgetSaved(store: HistoryStore, uris: Iterable<string>): Promise<unknown> {
  return Promise.all([...uris].map((uri) => store.delete(uri)));
}

/** The whole history, newest removal first: one index read (a history is far smaller than a library). */
export async function readRemovalHistory(db: LibraryDb): Promise<RemovalHistory> {
  const records = await db.getAllFromIndex('removedTracks', 'removedAt');
  records.reverse();
  return {
    removed: records.map((record) => ({ track: decodeTrack(record.row), removedAt: record.removedAt, by: record.by })),
    searchKeys: records.map((record) => record.searchKey),
  };
}

export function countRemovedTracks(db: LibraryDb): Promise<number> {
  return db.count('removedTracks');
}

/** The history's entries for these URIs (in their order), skipping those it does not hold. */
export async function readRemovedTracks(db: LibraryDb, uris: readonly string[]): Promise<RemovedTrack[]> {
  const transaction = db.transaction('removedTracks');
  const records = await Promise.all(uris.map((uri) => transaction.store.get(uri)));
  return records.flatMap((record) => (record ? [{ track: decodeTrack(record.row), removedAt: record.removedAt, by: record.by }] : []));
}

/** Restored tracks leave the history at once, before the next sync sees them saved. */
export function forgetRemovedTracks(db: LibraryDb, uris: readonly string[]): Promise<void> {
  return inWriteTransaction(db, ['removedTracks'], async (transaction) => {
    await forgetSaved(transaction.objectStore('removedTracks'), uris);
  });
}
