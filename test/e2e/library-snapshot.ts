import { libraryDbName } from '../../lib/library/db';
import type { SavedTrackObject } from '../stand-in/spotify-types';
import type { TestWorld } from './fixtures';

/**
 * The cached library as the extension's IndexedDB holds it, read from an extension page: the
 * published generation's chunks in order, each track as `uri@added_at`. Mirrors the row
 * layout of lib/library/packed-tracks.ts (id, uri|null, …, addedAt last) and db.ts.
 */
export async function cachedLibrary(world: TestWorld, accountKey: string): Promise<string[]> {
  const page = await world.extension.openPage('/options.html');
  try {
    return await page.evaluate(readPublishedLibrary, libraryDbName(accountKey));
  } finally {
    await page.close();
  }
}

/**
 * Evaluated in an extension page (Chromium's or Firefox's): the published generation of the
 * library database `dbName`, each track as `uri@added_at`.
 */
export async function readPublishedLibrary(dbName: string): Promise<string[]> {
  const request = indexedDB.open(dbName);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = <T>(store: string, query: IDBValidKey | IDBKeyRange, all: boolean) =>
    new Promise<T>((resolve, reject) => {
      const objectStore = db.transaction(store).objectStore(store);
      const call = all ? objectStore.getAll(query) : objectStore.get(query);
      call.onsuccess = () => resolve(call.result as T);
      call.onerror = () => reject(call.error);
    });
  const meta = await read<{ generation: number } | undefined>('meta', 'library', false);
  if (!meta) return [];
  const chunks = await read<Array<{ rows: unknown[][] }>>('trackChunks', IDBKeyRange.bound([meta.generation, -Infinity], [meta.generation, Infinity]), true);
  db.close();
  return chunks.flatMap((chunk) => chunk.rows.map((row) => `${(row[1] as string | null) ?? `spotify:track:${row[0]}`}@${row.at(-1)}`));
}

/** What the server's pages return, in the same form (unavailable tracks are counted, never sent). */
export function serverLibrary(world: Pick<TestWorld, 'standIn'>): string[] {
  const { library } = world.standIn;
  return (library.page(0, library.total) as SavedTrackObject[]).filter((item) => item.track !== null).map((item) => `${item.track.uri}@${item.added_at}`);
}
