import { BucketBuilder } from './buckets';
import { HEAD_SLOTS, type ChunkInfo, type LibraryDb } from './db';
import { returnedKeysOf, slotsOf, type Slot, type SlotList } from './slots';
import { decodeList } from './packed-tracks';

/** Chunks per read when catching up: ~2.7 MB of records at 1,000 tracks a chunk. */
const CATCH_UP_BATCH = 10;

/**
 * What publishing a generation needs besides its chunks: the lookup buckets, each chunk's
 * ChunkInfo and the head's slot keys. A full sync adds every chunk as it writes it, while its
 * tracks are in memory anyway. Measured in Chromium at 100,000 tracks: building this at publish
 * time, by reading the 100 chunks back one at a time and decoding them, took 2.4 s between the
 * last page and the library being ready.
 *
 * Chunks come in order. A sync resumed in a new service worker has not seen the chunks written
 * before the stop: `catchUp` reads those back, a few per read, once.
 */
export class GenerationIndex {
  readonly buckets: BucketBuilder;
  /** ChunkInfo of each chunk that holds any slot, in order. */
  readonly chunks: ChunkInfo[] = [];
  /** Chunks without a slot (an empty library still assembles its one empty page). */
  readonly emptyChunks: number[] = [];
  /** Keys of the items among the first HEAD_SLOTS slots (db.ts, LibraryMeta.head). */
  readonly head: string[] = [];
  /** Slots seen of the first HEAD_SLOTS. */
  #headPlaces = 0;
  #next = 0;

  constructor(readonly gen: number) {
    this.buckets = new BucketBuilder(gen);
  }

  /** Chunks [0, chunkCount) are in. */
  get chunkCount(): number {
    return this.#next;
  }

  add(seq: number, list: SlotList, slots: readonly Slot[] = slotsOf(list)): void {
    if (seq !== this.#next) throw new Error(`Chunk ${seq} of generation ${this.gen} came before chunk ${this.#next}.`);
    this.#next += 1;
    if (slots.length === 0) {
      this.emptyChunks.push(seq);
      return;
    }
    for (const track of list.tracks) this.buckets.add(track, seq);
    const headSlots = slots.slice(0, HEAD_SLOTS - this.#headPlaces);
    this.#headPlaces += headSlots.length;
    this.head.push(...returnedKeysOf(headSlots));
    this.chunks.push(chunkInfoOf(seq, list, slots.at(-1)!.addedAt));
  }

  /** Reads the chunks before `chunkCount` not added yet (written by the service worker that stopped). */
  async catchUp(db: LibraryDb, chunkCount: number): Promise<void> {
    while (this.#next < chunkCount) {
      const from = this.#next;
      const to = Math.min(chunkCount, from + CATCH_UP_BATCH);
      const records = await db.getAll('trackChunks', IDBKeyRange.bound([this.gen, from], [this.gen, to], false, true));
      records.forEach((record, index) => {
        if (record.seq !== from + index) throw new Error(`Chunk ${from + index} of generation ${this.gen} is missing.`);
        this.add(record.seq, decodeList(record));
      });
      if (records.length < to - from) throw new Error(`Chunk ${from + records.length} of generation ${this.gen} is missing.`);
    }
  }
}

export function chunkInfoOf(seq: number, list: SlotList, oldestAddedAt: string): ChunkInfo {
  const unavailable = list.holes.filter((hole) => hole.unavailable).length;
  return { seq, tracks: list.tracks.length, slots: list.tracks.length + list.holes.length, unavailable, oldestAddedAt };
}
