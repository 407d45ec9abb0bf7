import { bucketOf } from './buckets';
import { generationRange, placesOf, type FullSyncCheckpoint, type LibraryDb, type LibraryMeta, type MetaRecord } from './db';
import { decodeTrack, uriOfPacked } from './packed-tracks';
import { unpackSearchKeys } from './search-chunk-keys';
import type { StoredTrack } from '../tracks/stored-track';
import { inWriteTransaction } from './write-transaction';

export { deleteLibraryDb, openLibraryDb, type LibraryDb } from './db';
export { applyLocalRemove, applyLocalSave, undoLocalRemove, undoLocalSave, type LocalRemoval, type LocalSave } from './local-edits';
export {
  countRemovedTracks,
  forgetRemovedTracks,
  readRemovalHistory,
  readRemovedTracks,
  type RemovalHistory,
  type RemovedTrack,
} from './removal-history';
export { StorageFullError } from './write-transaction';

/**
 * What extension pages read. Each function reads in one transaction that starts from the
 * meta record, so it sees one published generation whole: the last complete library or the
 * new complete one, never half of a re-sync (SPEC §4).
 */

export interface LibrarySummary {
  /** Tracks cached. */
  total: number;
  /** False while the very first sync is still running: what is there is partial. */
  complete: boolean;
  lastSyncedAt: number | null;
  /** Changes with every write: a page holding data read at another version should reload. */
  version: number;
  /** Saved tracks Spotify counts in `total` but does not return (SPEC §3, §6 `data-unavailable`). */
  unavailable: number;
}

const EMPTY_SUMMARY: LibrarySummary = { total: 0, complete: false, lastSyncedAt: null, version: 0, unavailable: 0 };

export async function readLibrarySummary(db: LibraryDb): Promise<LibrarySummary> {
  const meta = await readLibraryMeta(db);
  if (!meta) return EMPTY_SUMMARY;
  const { total, complete, lastSyncedAt, version } = meta;
  return { total, complete, lastSyncedAt, version, unavailable: placesOf(meta).unavailable };
}

/** Tracks per chunk in display order, with the version they belong to (for virtual lists). */
export async function readChunkSizes(db: LibraryDb): Promise<{ version: number; sizes: number[] }> {
  const meta = await readLibraryMeta(db);
  if (!meta) return { version: 0, sizes: [] };
  return { version: meta.version, sizes: meta.chunks.map((chunk) => chunk.tracks) };
}

/** Every track's search key, newest saved first: one read of ~100 records at 100k tracks. */
export async function readSearchKeys(db: LibraryDb): Promise<string[]> {
  const transaction = db.transaction(['meta', 'searchChunks']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  if (!meta) return [];
  const chunks = await transaction.objectStore('searchChunks').getAll(generationRange(meta.generation));
  return unpackSearchKeys(chunks.map((chunk) => chunk.keys).join(''));
}

/** The tracks of chunk `chunkIndex` (0 = newest), in order; empty past the end. */
export async function readTrackChunk(db: LibraryDb, chunkIndex: number): Promise<StoredTrack[]> {
  const transaction = db.transaction(['meta', 'trackChunks']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  const info = meta?.chunks[chunkIndex];
  if (!meta || !info) return [];
  const chunk = await transaction.objectStore('trackChunks').get([meta.generation, info.seq]);
  return chunk?.rows.map(decodeTrack) ?? [];
}

/** The whole library, newest saved first (the library page, exports). */
export async function readAllTracks(db: LibraryDb): Promise<StoredTrack[]> {
  const transaction = db.transaction(['meta', 'trackChunks']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  if (!meta) return [];
  const chunks = await transaction.objectStore('trackChunks').getAll(generationRange(meta.generation));
  return chunks.flatMap((chunk) => chunk.rows.map(decodeTrack));
}

/** The `count` newest tracks: usually the first chunk alone, for the popup's first paint. */
export async function readNewestTracks(db: LibraryDb, count: number): Promise<StoredTrack[]> {
  const transaction = db.transaction(['meta', 'trackChunks']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  const tracks: StoredTrack[] = [];
  for (const info of meta?.chunks ?? []) {
    if (tracks.length >= count) break;
    const chunk = await transaction.objectStore('trackChunks').get([meta!.generation, info.seq]);
    tracks.push(...(chunk?.rows ?? []).slice(0, count - tracks.length).map(decodeTrack));
  }
  return tracks;
}

/**
 * Whether the track with this id (or `spotify:…` URI) is cached: one small bucket read, no
 * chunk decoded. The badge's hot path.
 */
export async function isTrackSaved(db: LibraryDb, trackIdOrUri: string): Promise<boolean> {
  const uri = trackIdOrUri.startsWith('spotify:') ? trackIdOrUri : `spotify:track:${trackIdOrUri}`;
  const transaction = db.transaction(['meta', 'idBuckets']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  if (!meta) return false;
  const bucket = await transaction.objectStore('idBuckets').get([meta.generation, bucketOf(uri)]);
  return bucket?.chunkOf[uri] !== undefined;
}

/** Which of these URIs are cached: each needed bucket read once, in one transaction (imports of 100,000 rows). */
export async function findSavedUris(db: LibraryDb, uris: readonly string[]): Promise<Set<string>> {
  const transaction = db.transaction(['meta', 'idBuckets']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  const saved = new Set<string>();
  if (!meta) return saved;
  const buckets = new Map<number, string[]>();
  for (const uri of uris) {
    const bucket = bucketOf(uri);
    const inBucket = buckets.get(bucket);
    if (inBucket) inBucket.push(uri);
    else buckets.set(bucket, [uri]);
  }
  await Promise.all(
    [...buckets].map(async ([bucket, inBucket]) => {
      const record = await transaction.objectStore('idBuckets').get([meta.generation, bucket]);
      for (const uri of inBucket) if (record?.chunkOf[uri] !== undefined) saved.add(uri);
    }),
  );
  return saved;
}

/**
 * The cached track with this id (or `spotify:…` URI for a local file), or null: one bucket
 * and one chunk read, whatever the library's size.
 */
export async function findSavedTrack(db: LibraryDb, trackIdOrUri: string): Promise<StoredTrack | null> {
  const uri = trackIdOrUri.startsWith('spotify:') ? trackIdOrUri : `spotify:track:${trackIdOrUri}`;
  const transaction = db.transaction(['meta', 'idBuckets', 'trackChunks']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  if (!meta) return null;
  const bucket = await transaction.objectStore('idBuckets').get([meta.generation, bucketOf(uri)]);
  const seq = bucket?.chunkOf[uri];
  if (seq === undefined) return null;
  const chunk = await transaction.objectStore('trackChunks').get([meta.generation, seq]);
  const row = chunk?.rows.find((candidate) => uriOfPacked(candidate) === uri);
  return row ? decodeTrack(row) : null;
}

/** Saved tracks with this ISRC: "another version of this recording is saved" (the `≈` badge). */
export async function findSavedByIsrc(db: LibraryDb, isrc: string): Promise<Array<{ uri: string; albumName: string }>> {
  const transaction = db.transaction(['meta', 'isrcBuckets']);
  const meta = await libraryMeta(transaction.objectStore('meta'));
  if (!meta) return [];
  const bucket = await transaction.objectStore('isrcBuckets').get([meta.generation, bucketOf(isrc)]);
  return (bucket?.tracksOf[isrc] ?? []).map(([uri, albumName]) => ({ uri, albumName }));
}

async function libraryMeta(store: { get(key: 'library'): Promise<MetaRecord | undefined> }): Promise<LibraryMeta | undefined> {
  const meta = await store.get('library');
  return meta?.key === 'library' ? meta : undefined;
}

/** The published library's summary: one of the two records of the `meta` store. */
export function readLibraryMeta(db: LibraryDb): Promise<LibraryMeta | undefined> {
  return libraryMeta(db.transaction('meta').store);
}

/** A full sync's checkpoint: the other record of the `meta` store. */
export async function readCheckpoint(db: LibraryDb): Promise<FullSyncCheckpoint | undefined> {
  const checkpoint = await db.get('meta', 'checkpoint');
  return checkpoint?.key === 'checkpoint' ? checkpoint : undefined;
}

export function saveCheckpoint(db: LibraryDb, checkpoint: FullSyncCheckpoint): Promise<void> {
  return inWriteTransaction(db, ['meta'], async (transaction) => {
    await transaction.objectStore('meta').put(checkpoint);
  });
}
