import type { IdBucketRecord, IsrcBucketRecord } from './db';
import type { StoredTrack } from '../tracks/stored-track';

/**
 * The badge asks "is this track saved?" on every tab change, from a service worker that may
 * have just started (SPEC §8: 100 ms to the badge). One record per track would cost a write
 * each during the sync; one record for all would cost reading all. Hashed buckets sit in
 * between: at 100k tracks each holds ~400 entries (~20 KB), read in well under a millisecond.
 */
export const BUCKET_COUNT = 256;

/** FNV-1a: fast, and spreads base62 ids evenly enough. */
export function bucketOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}

/** Bucket records of one generation, built in memory and written in one go. */
export class BucketBuilder {
  readonly #ids = new Map<number, IdBucketRecord>();
  readonly #isrcs = new Map<number, IsrcBucketRecord>();
  #uris = 0;

  constructor(readonly gen: number) {}

  /** Distinct track URIs added. */
  get size(): number {
    return this.#uris;
  }

  has(uri: string): boolean {
    return this.#ids.get(bucketOf(uri))?.chunkOf[uri] !== undefined;
  }

  add(track: StoredTrack, seq: number): void {
    const chunkOf = this.#idBucket(bucketOf(track.uri)).chunkOf;
    if (chunkOf[track.uri] === undefined) this.#uris += 1;
    chunkOf[track.uri] = seq;
    if (track.isrc) {
      const tracksOf = this.#isrcBucket(bucketOf(track.isrc)).tracksOf;
      tracksOf[track.isrc] ??= [];
      tracksOf[track.isrc]!.push([track.uri, track.album.name]);
    }
  }

  get idBuckets(): IdBucketRecord[] {
    return [...this.#ids.values()];
  }

  get isrcBuckets(): IsrcBucketRecord[] {
    return [...this.#isrcs.values()];
  }

  #idBucket(bucket: number): IdBucketRecord {
    const record = this.#ids.get(bucket) ?? { gen: this.gen, bucket, chunkOf: {} };
    this.#ids.set(bucket, record);
    return record;
  }

  #isrcBucket(bucket: number): IsrcBucketRecord {
    const record = this.#isrcs.get(bucket) ?? { gen: this.gen, bucket, tracksOf: {} };
    this.#isrcs.set(bucket, record);
    return record;
  }
}
