import { searchKeyOf } from '../search/search-key';
import { BucketEditor } from './bucket-editor';
import { chunkInfoOf } from './generation-index';
import { CHUNK_SLOTS, HEAD_SLOTS, type ChunkInfo, type LibraryMeta } from './db';
import type { EditTransaction } from './write-transaction';
import { forgetSaved, recordRemovals, type RemovalStamp } from './removal-history';
import { returnedKeysOf, slotListOf, slotsOf, trackSlot, type Slot } from './slots';
import { decodeList, encodeList } from './packed-tracks';
import { packSearchKeys, unpackSearchKeys } from './search-chunk-keys';
import type { StoredTrack } from '../tracks/stored-track';

interface EditableChunk {
  seq: number;
  slots: Slot[];
  /** Parallel to `slots`; null for holes. */
  searchKeys: Array<string | null>;
  changed: boolean;
}

export interface EditCommit {
  serverTotal?: number;
  syncedAt?: number;
  /** The keys page 0 returned, when a sync made this edit. */
  head?: string[];
  /**
   * How to write down the tracks this edit took out of the library (those not put back in it):
   * in the history of removals, with this stamp; null (the default) when they were not
   * removals — a failed Save rolled back.
   */
  removals?: RemovalStamp | null;
}

/**
 * Changes to the published library (incremental syncs, Save/Remove in the popup), made inside
 * one transaction so readers see all of a change or none of it. Only the chunks and buckets
 * the change touches are read and written: a save at 100k tracks rewrites one chunk. The
 * history of removals changes with it: tracks put in leave it, tracks taken out enter it.
 */
export class LibraryEditor {
  readonly #chunks = new Map<number, EditableChunk>();
  readonly #buckets: BucketEditor;
  readonly #takenOut = new Map<string, StoredTrack>();
  readonly #putIn = new Set<string>();
  #directory: ChunkInfo[];
  #slotDelta = 0;

  private constructor(
    private readonly transaction: EditTransaction,
    private readonly meta: LibraryMeta,
  ) {
    this.#buckets = new BucketEditor(transaction, meta.generation);
    this.#directory = [...meta.chunks];
  }

  /** Null when there is no library yet to edit. */
  static async open(transaction: EditTransaction): Promise<LibraryEditor | null> {
    const meta = await transaction.objectStore('meta').get('library');
    return meta?.key === 'library' ? new LibraryEditor(transaction, meta) : null;
  }

  /** Edits of a partial library would be overwritten by the first sync still filling it. */
  get complete(): boolean {
    return this.meta.complete;
  }

  chunkOfUri(uri: string): Promise<number | undefined> {
    return this.#buckets.chunkOf(uri);
  }

  /**
   * Removes the slot with `key`; `seqHint` says where to look (required for holes). Returns it
   * with the key of the slot that followed it in its chunk, for an exact undo.
   */
  async removeSlot(key: string, seqHint?: number): Promise<{ slot: Slot; nextKey: string | null } | null> {
    const uri = key.slice(0, key.lastIndexOf('@'));
    for (const seq of new Set([seqHint, uri ? await this.#buckets.chunkOf(uri) : undefined])) {
      if (seq === undefined) continue;
      const chunk = await this.#chunk(seq);
      const index = chunk?.slots.findIndex((slot) => slot.key === key) ?? -1;
      if (chunk && index >= 0) return this.#removeAt(chunk, index);
    }
    return null;
  }

  /** Removes the save of `uri` from chunk `seq`, whatever its `added_at`. */
  async removeTrackOfUri(uri: string, seq: number): Promise<{ slot: Slot; nextKey: string | null } | null> {
    const chunk = await this.#chunk(seq);
    const index = chunk?.slots.findIndex((slot) => slot.track?.uri === uri) ?? -1;
    return chunk && index >= 0 ? this.#removeAt(chunk, index) : null;
  }

  /**
   * Puts `slots` (newest first) before everything else. They fill the head chunk up to
   * CHUNK_SLOTS; the rest go into new chunks with lower numbers, so no chunk is renumbered.
   */
  async insertAtHead(slots: readonly Slot[]): Promise<void> {
    const remaining = [...slots];
    const head = this.#directory[0] ? await this.#chunk(this.#directory[0].seq) : undefined;
    if (head) {
      const room = Math.max(0, CHUNK_SLOTS - head.slots.length);
      const intoHead = remaining.splice(Math.max(0, remaining.length - room));
      await this.#insertInto(head, 0, intoHead);
    }
    let seq = (this.#directory[0]?.seq ?? 1) - 1;
    while (remaining.length > 0) {
      const oldest = remaining.splice(Math.max(0, remaining.length - CHUNK_SLOTS));
      await this.#insertInto(this.#newChunk(seq--), 0, oldest);
    }
  }

  /**
   * Puts a track where its `added_at` says: before `beforeKey` when that slot is still there
   * (an undone Remove goes back exactly where it was, even among same-second saves), else
   * before the first slot saved at or before the same time.
   */
  async insertTrack(track: StoredTrack, beforeKey?: string | null): Promise<void> {
    if (beforeKey) {
      const uri = beforeKey.slice(0, beforeKey.lastIndexOf('@'));
      const seq = uri ? await this.#buckets.chunkOf(uri) : undefined;
      const chunk = seq === undefined ? undefined : await this.#chunk(seq);
      const index = chunk?.slots.findIndex((slot) => slot.key === beforeKey) ?? -1;
      if (chunk && index >= 0) return this.#insertInto(chunk, index, [trackSlot(track)]);
    }
    const target = this.#directory.find((info) => info.oldestAddedAt <= track.addedAt) ?? this.#directory.at(-1);
    const chunk = target ? await this.#chunk(target.seq) : undefined;
    const index = chunk ? chunk.slots.findIndex((slot) => slot.addedAt <= track.addedAt) : 0;
    if (!chunk || (index === 0 && chunk.seq === this.#directory[0]!.seq)) return this.insertAtHead([trackSlot(track)]);
    await this.#insertInto(chunk, index < 0 ? chunk.slots.length : index, [trackSlot(track)]);
  }

  /**
   * Writes everything changed, the history's changes and the new meta record; returns the meta.
   * A sync passes the keys page 0 returned as `head`: with unavailable places in it, the
   * cache's first slots (which stand where its pages once ended) need not show them.
   */
  async commit(options: EditCommit = {}): Promise<LibraryMeta> {
    const trackStore = this.transaction.objectStore('trackChunks');
    const searchStore = this.transaction.objectStore('searchChunks');
    const gen = this.meta.generation;
    const writes: Array<Promise<unknown>> = [];
    for (const chunk of this.#chunks.values()) {
      if (!chunk.changed) continue;
      this.#directory = this.#directory.filter((info) => info.seq !== chunk.seq);
      if (chunk.slots.length === 0) {
        writes.push(trackStore.delete([gen, chunk.seq]), searchStore.delete([gen, chunk.seq]));
        continue;
      }
      const list = slotListOf(chunk.slots);
      const keys = chunk.searchKeys.filter((key): key is string => key !== null);
      writes.push(trackStore.put({ gen, seq: chunk.seq, ...encodeList(list) }), searchStore.put({ gen, seq: chunk.seq, keys: packSearchKeys(keys) }));
      this.#directory.push(chunkInfoOf(chunk.seq, list, chunk.slots.at(-1)!.addedAt));
    }
    this.#directory.sort((a, b) => a.seq - b.seq);
    writes.push(this.#buckets.flush(), ...(await this.#historyWrites(options.removals ?? null)));
    const head = options.head ?? (await this.#headKeys());
    await Promise.all(writes);

    const meta: LibraryMeta = {
      ...this.meta,
      chunks: this.#directory,
      total: this.#directory.reduce((sum, info) => sum + info.tracks, 0),
      serverTotal: options.serverTotal ?? Math.max(0, this.meta.serverTotal + this.#slotDelta),
      lastSyncedAt: options.syncedAt ?? this.meta.lastSyncedAt,
      version: this.meta.version + 1,
      head,
    };
    await this.transaction.objectStore('meta').put(meta);
    return meta;
  }

  /** Saved again: out of the history. Gone (a removal not followed by a save of the same track): into it. */
  async #historyWrites(removals: RemovalStamp | null): Promise<Array<Promise<unknown>>> {
    const history = this.transaction.objectStore('removedTracks');
    const writes = [forgetSaved(history, this.#putIn)];
    if (!removals) return writes;
    const gone: StoredTrack[] = [];
    for (const [uri, track] of this.#takenOut) {
      if ((await this.#buckets.chunkOf(uri)) === undefined) gone.push(track);
    }
    writes.push(recordRemovals(history, gone, removals));
    return writes;
  }

  async #removeAt(chunk: EditableChunk, index: number): Promise<{ slot: Slot; nextKey: string | null }> {
    const [slot] = chunk.slots.splice(index, 1);
    chunk.searchKeys.splice(index, 1);
    chunk.changed = true;
    this.#slotDelta -= 1;
    if (slot!.track) {
      await this.#buckets.deleteTrack(slot!.track);
      this.#takenOut.set(slot!.track.uri, slot!.track);
    }
    return { slot: slot!, nextKey: chunk.slots[index]?.key ?? null };
  }

  async #insertInto(chunk: EditableChunk, index: number, slots: readonly Slot[]): Promise<void> {
    if (slots.length === 0) return;
    chunk.slots.splice(index, 0, ...slots);
    chunk.searchKeys.splice(index, 0, ...slots.map((slot) => (slot.track ? searchKeyOf(slot.track) : null)));
    chunk.changed = true;
    this.#slotDelta += slots.length;
    for (const slot of slots) {
      if (!slot.track) continue;
      await this.#buckets.setTrack(slot.track, chunk.seq);
      this.#putIn.add(slot.track.uri);
    }
  }

  #newChunk(seq: number): EditableChunk {
    const chunk: EditableChunk = { seq, slots: [], searchKeys: [], changed: true };
    this.#chunks.set(seq, chunk);
    this.#directory.unshift({ seq, tracks: 0, slots: 0, oldestAddedAt: '' });
    return chunk;
  }

  async #chunk(seq: number): Promise<EditableChunk | undefined> {
    const cached = this.#chunks.get(seq);
    if (cached) return cached;
    const gen = this.meta.generation;
    const [record, search] = await Promise.all([
      this.transaction.objectStore('trackChunks').get([gen, seq]),
      this.transaction.objectStore('searchChunks').get([gen, seq]),
    ]);
    if (!record) return undefined;
    const slots = slotsOf(decodeList(record));
    const storedKeys = search ? unpackSearchKeys(search.keys) : [];
    let keyIndex = 0;
    const searchKeys = slots.map((slot) => (slot.track ? (storedKeys[keyIndex++] ?? searchKeyOf(slot.track)) : null));
    const chunk: EditableChunk = { seq, slots, searchKeys, changed: false };
    this.#chunks.set(seq, chunk);
    return chunk;
  }

  async #headKeys(): Promise<string[]> {
    const first: Slot[] = [];
    for (const info of this.#directory) {
      if (first.length >= HEAD_SLOTS) break;
      first.push(...((await this.#chunk(info.seq))?.slots.slice(0, HEAD_SLOTS - first.length) ?? []));
    }
    return returnedKeysOf(first);
  }
}
