import { searchKeyOf } from '../search/search-key';
import { packSearchKeys } from './search-chunk-keys';
import {
  GENERATION_STORES,
  HEAD_SLOTS,
  generationRange,
  type FullSyncCheckpoint,
  type LibraryDb,
  type LibraryMeta,
  type LibraryStoreName,
  type LibraryTransaction,
  type StagedPageRecord,
} from './db';
import { spotifyTimestamp } from '../format';
import { chunkInfoOf, type GenerationIndex } from './generation-index';
import { forgetSaved, recordRemovals } from './removal-history';
import { returnedKeysOf, slotsOf, type Slot, type SlotList } from './slots';
import { decodeTrack, encodeList, uriOfPacked } from './packed-tracks';
import type { StoredTrack } from '../tracks/stored-track';
import { inWriteTransaction } from './write-transaction';

/** Writes of a full sync: staged pages, chunks of the generation being built, its publication. */

/**
 * Fetched pages, with the checkpoint when it changed otherwise (a pass opening). A staged page
 * carries its offset, pass and total, so a restarted sync counts it without the checkpoint
 * naming it (readFullSyncCheckpoint): writing the checkpoint, with a total for each of up to
 * 2,000 pages, beside every page doubled what a sync wrote to IndexedDB.
 */
export function stagePages(db: LibraryDb, pages: readonly StagedPageRecord[], checkpoint?: FullSyncCheckpoint): Promise<void> {
  return inWriteTransaction(db, ['stagedPages', 'meta'], async (transaction) => {
    await Promise.all([
      ...pages.map((page) => transaction.objectStore('stagedPages').put(page)),
      ...(checkpoint ? [transaction.objectStore('meta').put(checkpoint)] : []),
    ]);
  });
}

export async function readStagedPages(db: LibraryDb, gen: number, fromOffset: number, toOffset: number): Promise<StagedPageRecord[]> {
  return db.getAll('stagedPages', IDBKeyRange.bound([gen, fromOffset], [gen, toOffset], false, true));
}

export interface ChunkWrite {
  gen: number;
  seq: number;
  list: SlotList;
  /** `slotsOf(list)`, when the caller has it already. */
  slots?: readonly Slot[];
  /** Offsets [from, to) of the staged pages this chunk was assembled from: dropped with its write. */
  stagedPages?: { from: number; to: number };
}

/**
 * Chunk `seq` of generation `gen`, its search keys and the checkpoint; the staged pages it
 * was assembled from go in the same transaction (the chunk holds them now: should the pass
 * need repairing, the full sync cuts it back into its pages). For the very first sync
 * (`visible`) the meta record points at this generation already, marked incomplete, so the
 * popup shows the newest tracks while the rest is still coming (SPEC §4: partial results).
 */
export function writeChunk(db: LibraryDb, chunk: ChunkWrite, checkpoint: FullSyncCheckpoint): Promise<void> {
  const { gen, seq, list, stagedPages } = chunk;
  const stores = ['trackChunks', 'searchChunks', 'stagedPages', 'meta'] as const;
  return inWriteTransaction(db, stores, async (transaction) => {
    const writes: Array<Promise<unknown>> = [
      transaction.objectStore('trackChunks').put({ gen, seq, ...encodeList(list) }),
      transaction.objectStore('searchChunks').put({ gen, seq, keys: packSearchKeys(list.tracks.map(searchKeyOf)) }),
      transaction.objectStore('meta').put(checkpoint),
    ];
    if (stagedPages) {
      const range = IDBKeyRange.bound([gen, stagedPages.from], [gen, stagedPages.to], false, true);
      writes.push(transaction.objectStore('stagedPages').delete(range));
    }
    if (checkpoint.visible) {
      const found = await transaction.objectStore('meta').get('library');
      const previous = found?.key === 'library' ? found : undefined;
      const meta = previous?.generation === gen ? previous : emptyMeta(gen, previous?.version ?? 0);
      const slots = chunk.slots ?? slotsOf(list);
      const chunks = [...meta.chunks.filter((info) => info.seq !== seq), chunkInfoOf(seq, list, slots.at(-1)?.addedAt ?? '')].sort((a, b) => a.seq - b.seq);
      writes.push(
        transaction.objectStore('meta').put({
          ...meta,
          chunks,
          total: chunks.reduce((sum, info) => sum + info.tracks, 0),
          serverTotal: chunks.reduce((sum, info) => sum + info.slots, 0),
          head: seq === chunks[0]!.seq ? returnedKeysOf(slots.slice(0, HEAD_SLOTS)) : meta.head,
          version: meta.version + 1,
        }),
      );
    }
    await Promise.all(writes);
  });
}

/**
 * Makes the generation `index` describes (its chunks [0, index.chunkCount)) the library in one
 * transaction, with its lookup buckets, and drops everything else: the old generation,
 * leftovers of longer passes, staged pages and the checkpoint. Tracks of the old generation
 * that the new one lacks go into the history of removals, found gone at `syncedAt`; tracks
 * it has leave that history.
 */
export async function publishGeneration(
  db: LibraryDb,
  { index, serverTotal, syncedAt }: { index: GenerationIndex; serverTotal: number; syncedAt: number },
): Promise<{ meta: LibraryMeta; added: number; removed: number }> {
  const { gen, chunkCount, buckets, chunks, emptyChunks, head } = index;
  return inWriteTransaction(db, ['meta', 'removedTracks', ...GENERATION_STORES], async (transaction) => {
    const found = await transaction.objectStore('meta').get('library');
    const previous = found?.key === 'library' ? found : undefined;
    const { added, removed } = await compareGenerations(transaction, previous, index);
    const history = transaction.objectStore('removedTracks');
    const savedAgain = (await history.getAllKeys()).filter((uri) => buckets.has(uri));
    await Promise.all([forgetSaved(history, savedAgain), recordRemovals(history, removed, { at: spotifyTimestamp(syncedAt), by: 'sync' })]);

    await deleteGenerationsExcept(transaction, [gen]);
    const range = generationRange(gen);
    await Promise.all([
      transaction.objectStore('stagedPages').delete(range),
      transaction.objectStore('idBuckets').delete(range),
      transaction.objectStore('isrcBuckets').delete(range),
      transaction.objectStore('trackChunks').delete(IDBKeyRange.bound([gen, chunkCount], [gen, Infinity])),
      transaction.objectStore('searchChunks').delete(IDBKeyRange.bound([gen, chunkCount], [gen, Infinity])),
      transaction.objectStore('trackChunks').delete(IDBKeyRange.bound([gen, -Infinity], [gen, 0], false, true)),
      transaction.objectStore('searchChunks').delete(IDBKeyRange.bound([gen, -Infinity], [gen, 0], false, true)),
      ...emptyChunks.flatMap((seq) => [transaction.objectStore('trackChunks').delete([gen, seq]), transaction.objectStore('searchChunks').delete([gen, seq])]),
    ]);
    const meta: LibraryMeta = {
      key: 'library',
      generation: gen,
      complete: true,
      total: chunks.reduce((sum, info) => sum + info.tracks, 0),
      serverTotal,
      lastSyncedAt: syncedAt,
      version: (previous?.version ?? 0) + 1,
      chunks,
      head,
    };
    await Promise.all([
      ...buckets.idBuckets.map((record) => transaction.objectStore('idBuckets').put(record)),
      ...buckets.isrcBuckets.map((record) => transaction.objectStore('isrcBuckets').put(record)),
      transaction.objectStore('meta').put(meta),
      transaction.objectStore('meta').delete('checkpoint'),
    ]);
    return { meta, added, removed: removed.length };
  });
}

/**
 * Tracks the new generation gains, and the tracks it loses against the published one (none
 * on a first sync: all of it is new). Only the chunks that held a lost track are read.
 */
async function compareGenerations(
  transaction: LibraryTransaction<ArrayLike<LibraryStoreName>, 'readwrite'>,
  previous: LibraryMeta | undefined,
  next: GenerationIndex,
): Promise<{ added: number; removed: StoredTrack[] }> {
  if (!previous?.complete) return { added: next.buckets.size, removed: [] };
  const previousBuckets = await transaction.objectStore('idBuckets').getAll(generationRange(previous.generation));
  let kept = 0;
  const goneFromChunk = new Map<number, Set<string>>();
  for (const bucket of previousBuckets) {
    for (const [uri, seq] of Object.entries(bucket.chunkOf)) {
      if (next.buckets.has(uri)) kept += 1;
      else goneFromChunk.set(seq, (goneFromChunk.get(seq) ?? new Set()).add(uri));
    }
  }
  const removed: StoredTrack[] = [];
  for (const [seq, uris] of goneFromChunk) {
    const chunk = await transaction.objectStore('trackChunks').get([previous.generation, seq]);
    for (const row of chunk?.rows ?? []) if (uris.has(uriOfPacked(row))) removed.push(decodeTrack(row));
  }
  return { added: next.buckets.size - kept, removed };
}

/** Removes generations left behind (a sync abandoned for a full disk, a crash mid-publish). */
export function dropOtherGenerations(db: LibraryDb, keep: readonly number[]): Promise<void> {
  return inWriteTransaction(db, GENERATION_STORES, (transaction) => deleteGenerationsExcept(transaction, keep));
}

/** Gives up a full sync: its checkpoint and everything it staged (after a full disk, to free the space). */
export function discardFullSync(db: LibraryDb, checkpoint: FullSyncCheckpoint): Promise<void> {
  return inWriteTransaction(db, ['meta', ...GENERATION_STORES], async (transaction) => {
    const meta = await transaction.objectStore('meta').get('library');
    const active = meta?.key === 'library' ? meta.generation : undefined;
    await deleteGenerationsExcept(transaction, active === undefined ? [] : [active]);
    await transaction.objectStore('stagedPages').delete(generationRange(checkpoint.gen));
    await transaction.objectStore('meta').delete('checkpoint');
  });
}

/** Jumps over each generation with a key cursor: one step per generation, not per record. */
async function deleteGenerationsExcept(transaction: LibraryTransaction<ArrayLike<LibraryStoreName>, 'readwrite'>, keep: readonly number[]): Promise<void> {
  for (const name of GENERATION_STORES) {
    const store = transaction.objectStore(name);
    let cursor = await store.openKeyCursor();
    while (cursor) {
      const gen = (cursor.key as [number, number])[0];
      if (!keep.includes(gen)) await store.delete(generationRange(gen));
      cursor = await cursor.continue([gen, Infinity]);
    }
  }
}

function emptyMeta(gen: number, version: number): LibraryMeta {
  return {
    key: 'library',
    generation: gen,
    complete: false,
    total: 0,
    serverTotal: 0,
    lastSyncedAt: null,
    version,
    chunks: [],
    head: [],
  };
}
