import { readChunkSizes, readSearchKeys, type LibraryDb } from '../library/store';

export interface SearchableLibrary {
  /** Search keys in display order (newest saved first). */
  keys: string[];
  /** Tracks per chunk, from the same library version as the keys. */
  sizes: number[];
  version: number;
}

/** Attempts before settling for keys that may be one write behind (a sync writing fast). */
const MAX_ATTEMPTS = 3;

/**
 * The search keys and the chunk sizes that say where each key's track is, from one version of
 * the library. They are read in separate transactions, so a write could land between them;
 * reading the sizes on both sides and finding the same version proves none did (every write
 * bumps it). If writes keep landing, the last read is kept: the write bumped the library
 * version in AppStatus too, and the popup reloads again.
 */
export async function readSearchLibrary(db: LibraryDb): Promise<SearchableLibrary> {
  let attempt = 0;
  for (;;) {
    const [before, keys] = await Promise.all([readChunkSizes(db), readSearchKeys(db)]);
    const after = await readChunkSizes(db);
    if (after.version === before.version || ++attempt >= MAX_ATTEMPTS) {
      return { keys, sizes: after.sizes, version: after.version };
    }
  }
}
