/**
 * What the cached library takes (SPEC §8: at most 700 bytes per stored track on average),
 * two ways: the quota manager's figure for the extension origin before and after the full
 * sync (what the disk holds, compression and not yet compacted LevelDB logs included), and
 * the structured-clone bytes of the published generation's records (what IndexedDB is handed
 * to keep: meta, track chunks, search keys, id and ISRC buckets).
 */
import type { Page } from 'playwright-core';
import { structuredCloneBytes } from './serialized-size';

export interface SerializedLibrary {
  tracks: number;
  bytes: number;
  byStore: Record<string, number>;
}

/** Runs in the extension page, with `sizeOf` = structuredCloneBytes. */
async function readPublishedLibrary(sizeOf: (value: unknown) => number): Promise<SerializedLibrary> {
  const done = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const names = (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.startsWith('tracklight-library-'));
  if (names.length !== 1) throw new Error(`expected one library database, found ${names.length}`);
  const open = indexedDB.open(names[0]!);
  const db = await done(open);
  try {
    const transaction = db.transaction(['meta', 'trackChunks', 'searchChunks', 'idBuckets', 'isrcBuckets']);
    const meta = (await done(transaction.objectStore('meta').get('library'))) as { generation: number; total: number } | undefined;
    if (!meta) throw new Error('no published library');
    const range = IDBKeyRange.bound([meta.generation, -Infinity], [meta.generation, Infinity]);
    const byStore: Record<string, number> = { meta: sizeOf(meta) };
    for (const store of ['trackChunks', 'searchChunks', 'idBuckets', 'isrcBuckets']) {
      const records = await done(transaction.objectStore(store).getAll(range));
      byStore[store] = records.reduce((sum: number, record) => sum + sizeOf(record), 0);
    }
    return { tracks: meta.total, bytes: Object.values(byStore).reduce((sum, bytes) => sum + bytes, 0), byStore };
  } finally {
    db.close();
  }
}

export async function serializedLibrary(page: Page): Promise<SerializedLibrary> {
  // Both functions go as source: the size model must be the same code Node checked.
  const expression = `(${readPublishedLibrary.toString()})(${structuredCloneBytes.toString()})`;
  return (await page.evaluate(expression)) as SerializedLibrary;
}

export function describeStores(library: SerializedLibrary): string {
  return Object.entries(library.byStore)
    .filter(([, bytes]) => bytes > 0)
    .map(([store, bytes]) => `${store} ${Math.round(bytes / Math.max(1, library.tracks))}`)
    .join(', ');
}
