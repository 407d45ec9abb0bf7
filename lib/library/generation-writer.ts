import { searchKeyOf } from '../search/search-key';
import { BucketBuilder } from './buckets';
import {
  GENERATION_STORES,
  HEAD_SLOTS,
  generationRange,
  type ChunkInfo,
  type FullSyncCheckpoint,
  type LibraryDb,
  type LibraryMeta,
  type LibraryStoreName,
  type LibraryTransaction,
  type StagedPageRecord,
} from './db';
import { readLibraryMeta } from './meta-records';
import { slotsOf, type SlotList } from './slots';
import { decodeList, encodeList } from './track-rows';
import { inWriteTransaction } from './write-transaction';

/** Writes of a full sync: staged pages, chunks of the generation being built, its publication. */

/** A fetched page and the checkpoint that now counts it, together: a restart never loses one without the other. */
export function stagePages(db: LibraryDb, pages: readonly StagedPageRecord[], checkpoint: FullSyncCheckpoint): Promise<void> {
  return inWriteTransaction(db, ['stagedPages', 'meta'], async (transaction) => {
    await Promise.all([
      ...pages.map((page) => transaction.objectStore('stagedPages').put(page)),
      transaction.objectStore('meta').put(checkpoint),
    ]);
  });
}

export async function readStagedPages(
  db: LibraryDb,
  gen: number,
  fromOffset: number,
  toOffset: number,
): Promise<StagedPageRecord[]> {
  return db.getAll('stagedPages', IDBKeyRange.bound([gen, fromOffset], [gen, toOffset], false, true));
}

/**
 * Chunk `seq` of generation `gen`, its search keys and the checkpoint. For the very first sync
 * (`visible`) the meta record points at this generation already, marked incomplete, so the
 * popup shows the newest tracks while the rest is still coming (SPEC §4: partial results).
 */
export function writeChunk(
  db: LibraryDb,
  gen: number,
  seq: number,
  list: SlotList,
  checkpoint: FullSyncCheckpoint,
): Promise<void> {
  return inWriteTransaction(db, ['trackChunks', 'searchChunks', 'meta'], async (transaction) => {
    const writes: Array<Promise<unknown>> = [
      transaction.objectStore('trackChunks').put({ gen, seq, ...encodeList(list) }),
      transaction.objectStore('searchChunks').put({ gen, seq, keys: list.tracks.map(searchKeyOf) }),
      transaction.objectStore('meta').put(checkpoint),
    ];
    if (checkpoint.visible) {
      const found = await transaction.objectStore('meta').get('library');
      const previous = found?.key === 'library' ? found : undefined;
      const meta = previous?.generation === gen ? previous : emptyMeta(gen, previous?.version ?? 0);
      const slots = slotsOf(list);
      const chunks = [...meta.chunks.filter((info) => info.seq !== seq), chunkInfoOf(seq, list, slots.at(-1)?.addedAt ?? '')]
        .sort((a, b) => a.seq - b.seq);
      writes.push(
        transaction.objectStore('meta').put({
          ...meta,
          chunks,
          total: chunks.reduce((sum, info) => sum + info.tracks, 0),
          serverTotal: chunks.reduce((sum, info) => sum + info.slots, 0),
          head: seq === chunks[0]!.seq ? slots.slice(0, HEAD_SLOTS).map((slot) => slot.key) : meta.head,
          version: meta.version + 1,
        }),
      );
    }
    await Promise.all(writes);
  });
}

/**
 * Makes generation `gen` (chunks [0, chunkCount)) the library in one transaction, with its
 * lookup buckets, and drops everything else: the old generation, leftovers of longer passes,
 * the staged pages and the checkpoint.
 */
export async function publishGeneration(
  db: LibraryDb,
  { gen, chunkCount, serverTotal, syncedAt }: { gen: number; chunkCount: number; serverTotal: number; syncedAt: number },
): Promise<{ meta: LibraryMeta; added: number; removed: number }> {
  const buckets = new BucketBuilder(gen);
  const chunks: ChunkInfo[] = [];
  const emptyChunks: number[] = [];
  const head: string[] = [];
  // Read chunk by chunk: at 100k tracks the whole library at once would be ~50 MB of objects.
  for (let seq = 0; seq < chunkCount; seq++) {
    const record = await db.get('trackChunks', [gen, seq]);
    if (!record) throw new Error(`Chunk ${seq} of generation ${gen} is missing.`);
    const list = decodeList(record);
    const slots = slotsOf(list);
    // An empty library still assembles its one (empty) page into a chunk.
    if (slots.length === 0) {
      emptyChunks.push(seq);
      continue;
    }
    for (const track of list.tracks) buckets.add(track, seq);
    for (const slot of slots.slice(0, HEAD_SLOTS - head.length)) head.push(slot.key);
    chunks.push(chunkInfoOf(seq, list, slots.at(-1)?.addedAt ?? ''));
  }

  const { added, removed } = await countChanges(db, buckets);

  const meta = await inWriteTransaction(db, ['meta', ...GENERATION_STORES], async (transaction) => {
    const previous = await transaction.objectStore('meta').get('library');
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
      ...emptyChunks.flatMap((seq) => [
        transaction.objectStore('trackChunks').delete([gen, seq]),
        transaction.objectStore('searchChunks').delete([gen, seq]),
      ]),
    ]);
    const meta: LibraryMeta = {
      key: 'library',
      generation: gen,
      complete: true,
      total: chunks.reduce((sum, info) => sum + info.tracks, 0),
      serverTotal,
      lastSyncedAt: syncedAt,
      version: (previous?.key === 'library' ? previous.version : 0) + 1,
      chunks,
      head,
    };
    await Promise.all([
      ...buckets.idBuckets.map((record) => transaction.objectStore('idBuckets').put(record)),
      ...buckets.isrcBuckets.map((record) => transaction.objectStore('isrcBuckets').put(record)),
      transaction.objectStore('meta').put(meta),
      transaction.objectStore('meta').delete('checkpoint'),
    ]);
    return meta;
  });
  return { meta, added, removed };
}

/** Tracks the new generation gains and loses against the published one (all of it is new on a first sync). */
async function countChanges(db: LibraryDb, next: BucketBuilder): Promise<{ added: number; removed: number }> {
  const nextUris = new Set(next.idBuckets.flatMap((bucket) => Object.keys(bucket.chunkOf)));
  const previous = await readLibraryMeta(db);
  if (!previous?.complete) return { added: nextUris.size, removed: 0 };
  const previousBuckets = await db.getAll('idBuckets', generationRange(previous.generation));
  let kept = 0;
  let removed = 0;
  for (const bucket of previousBuckets) {
    for (const uri of Object.keys(bucket.chunkOf)) {
      if (nextUris.has(uri)) kept += 1;
      else removed += 1;
    }
  }
  return { added: nextUris.size - kept, removed };
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
async function deleteGenerationsExcept(
  transaction: LibraryTransaction<ArrayLike<LibraryStoreName>, 'readwrite'>,
  keep: readonly number[],
): Promise<void> {
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

function chunkInfoOf(seq: number, list: SlotList, oldestAddedAt: string): ChunkInfo {
  return { seq, tracks: list.tracks.length, slots: list.tracks.length + list.holes.length, oldestAddedAt };
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
