import { bucketOf } from './buckets';
import type { IdBucketRecord, IsrcBucketRecord } from './db';
import type { EditTransaction } from './write-transaction';
import type { StoredTrack } from '../tracks/stored-track';

/** Reads the buckets an edit touches, changes them in memory and writes each once. */
export class BucketEditor {
  // Promises, so two lookups of one bucket in flight share one record.
  readonly #ids = new Map<number, Promise<IdBucketRecord>>();
  readonly #isrcs = new Map<number, Promise<IsrcBucketRecord>>();

  constructor(
    private readonly transaction: EditTransaction,
    private readonly gen: number,
  ) {}

  async chunkOf(uri: string): Promise<number | undefined> {
    return (await this.#idBucket(uri)).chunkOf[uri];
  }

  async setTrack(track: StoredTrack, seq: number): Promise<void> {
    (await this.#idBucket(track.uri)).chunkOf[track.uri] = seq;
    if (!track.isrc) return;
    const tracksOf = (await this.#isrcBucket(track.isrc)).tracksOf;
    const others = (tracksOf[track.isrc] ?? []).filter(([uri]) => uri !== track.uri);
    tracksOf[track.isrc] = [...others, [track.uri, track.album.name]];
  }

  async deleteTrack(track: StoredTrack): Promise<void> {
    delete (await this.#idBucket(track.uri)).chunkOf[track.uri];
    if (!track.isrc) return;
    const tracksOf = (await this.#isrcBucket(track.isrc)).tracksOf;
    const others = (tracksOf[track.isrc] ?? []).filter(([uri]) => uri !== track.uri);
    if (others.length > 0) tracksOf[track.isrc] = others;
    else delete tracksOf[track.isrc];
  }

  async flush(): Promise<void> {
    const idStore = this.transaction.objectStore('idBuckets');
    const isrcStore = this.transaction.objectStore('isrcBuckets');
    const ids = await Promise.all(this.#ids.values());
    const isrcs = await Promise.all(this.#isrcs.values());
    await Promise.all([
      ...ids.map((record) => (Object.keys(record.chunkOf).length > 0 ? idStore.put(record) : idStore.delete([record.gen, record.bucket]))),
      ...isrcs.map((record) => (Object.keys(record.tracksOf).length > 0 ? isrcStore.put(record) : isrcStore.delete([record.gen, record.bucket]))),
    ]);
  }

  #idBucket(uri: string): Promise<IdBucketRecord> {
    const bucket = bucketOf(uri);
    let record = this.#ids.get(bucket);
    if (!record) {
      const store = this.transaction.objectStore('idBuckets');
      record = store.get([this.gen, bucket]).then((found) => found ?? { gen: this.gen, bucket, chunkOf: {} });
      this.#ids.set(bucket, record);
    }
    return record;
  }

  #isrcBucket(isrc: string): Promise<IsrcBucketRecord> {
    const bucket = bucketOf(isrc);
    let record = this.#isrcs.get(bucket);
    if (!record) {
      const store = this.transaction.objectStore('isrcBuckets');
      record = store.get([this.gen, bucket]).then((found) => found ?? { gen: this.gen, bucket, tracksOf: {} });
      this.#isrcs.set(bucket, record);
    }
    return record;
  }
}
