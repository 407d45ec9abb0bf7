import type { StoredTrack } from '../tracks/stored-track';
import type { ListedTrack } from './listed-track';
import { chunkStarts, locatePosition } from './track-positions';
import type { TrackSource } from './track-source';

/** Reads one chunk of tracks (0 = newest), as `readTrackChunk` does. */
export type ChunkReader = (chunk: number) => Promise<StoredTrack[]>;

/**
 * The tracks behind display positions, read on the page a chunk at a time and kept: at 100k
 * tracks the best 20 matches of a common word lie in 20 different chunks, and a keystroke has
 * one frame. The popup uses it for its first paint, and for everything where its track-chunks
 * worker cannot start (all of it at 100k is ~150 MB of objects: see use-popup-library.ts).
 */
export class TrackChunkCache implements TrackSource {
  readonly total: number;
  readonly #starts: Int32Array;
  readonly #chunks = new Map<number, StoredTrack[]>();
  readonly #reading = new Map<number, Promise<void>>();

  /**
   * `sizes`: tracks per chunk (`readChunkSizes`). `newest`: the first tracks, already read for
   * the first paint, which stand in for the start of chunk 0 until it is read.
   */
  constructor(
    sizes: readonly number[],
    private readonly readChunk: ChunkReader,
    private readonly newest: readonly ListedTrack[] = [],
  ) {
    this.#starts = chunkStarts(sizes);
    this.total = this.#starts[sizes.length]!;
  }

  trackAt(position: number): ListedTrack | null | undefined {
    if (position >= 0 && position < this.newest.length && !this.#chunks.has(0)) return this.newest[position];
    const place = locatePosition(this.#starts, position);
    if (!place) return null;
    const chunk = this.#chunks.get(place.chunk);
    return chunk ? (chunk[place.offset] ?? null) : undefined;
  }

  /** Reads the chunks that hold unread `positions`. */
  load(positions: readonly number[]): Promise<void> | null {
    const missing = new Set<number>();
    for (const position of positions) {
      if (this.trackAt(position) !== undefined) continue;
      const place = locatePosition(this.#starts, position);
      if (place) missing.add(place.chunk);
    }
    if (missing.size === 0) return null;
    return Promise.all([...missing].map((chunk) => this.#read(chunk))).then(() => undefined);
  }

  /**
   * Reads every chunk not read yet, one at a time, each after `idle()` resolves, so typing is
   * never kept waiting behind a batch of reads. Stops when `signal` aborts.
   */
  async prefetchAll(signal: AbortSignal, idle: () => Promise<void>): Promise<void> {
    for (let chunk = 0; chunk < this.#starts.length - 1; chunk++) {
      if (this.#chunks.has(chunk)) continue;
      await idle();
      if (signal.aborted) return;
      await this.#read(chunk);
    }
  }

  #read(chunk: number): Promise<void> {
    let reading = this.#reading.get(chunk);
    if (!reading) {
      reading = this.readChunk(chunk).then(
        (tracks) => void this.#chunks.set(chunk, tracks),
        // A read fails when the database closes under us (the account's data was deleted):
        // its rows drop out instead of a render loop retrying a read that cannot succeed.
        () => void this.#chunks.set(chunk, []),
      );
      this.#reading.set(chunk, reading);
    }
    return reading;
  }
}
