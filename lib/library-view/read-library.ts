import { readAllTracks, readLibrarySummary, readSearchKeys, type LibraryDb, type LibrarySummary } from '../library/store';
import type { StoredTrack } from '../tracks/stored-track';

export interface LibrarySnapshot {
  summary: LibrarySummary;
  /** Newest saved first. */
  tracks: StoredTrack[];
  /** `searchKeys[i]` belongs to `tracks[i]`. */
  searchKeys: string[];
}

/** Attempts before giving up on a library that a sync keeps writing to. */
const MAX_ATTEMPTS = 3;

/**
 * The whole library with its search keys, both of one version. They are read in separate
 * transactions (the store has no single reader for both), so a write could land between them;
 * the same summary version on both sides proves none did. Null if writes kept landing: the
 * write also bumped `libraryVersion` in AppStatus, so the page asks again.
 */
export async function readLibrarySnapshot(db: LibraryDb): Promise<LibrarySnapshot | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await readLibrarySummary(db);
    const [tracks, searchKeys] = await Promise.all([readAllTracks(db), readSearchKeys(db)]);
    const summary = await readLibrarySummary(db);
    if (summary.version === before.version && tracks.length === searchKeys.length) {
      return { summary, tracks, searchKeys };
    }
  }
  return null;
}
