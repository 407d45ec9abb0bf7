import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createLibraryModel, type LibraryModel, type TextRanker } from '../../lib/library-view/library-model';
import { readLibrarySnapshot } from '../../lib/library-view/read-library';
import { readLibrarySummary, readNewestTracks, type LibraryDb, type LibrarySummary } from '../../lib/library/store';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { createCoalescedRunner, type CoalescedRunner } from '../../lib/popup/coalesced-runner';

/** Rows read for the first paint: more than a tall window shows, all from the first chunk. */
const PREVIEW_TRACKS = 100;
/** Reloads after library changes start at most this often: a first sync bumps the version every second or two. */
const RELOAD_SPACING_MS = 1000;
/**
 * …and after a reload that took the page t ms (~0.5 s at 100k: IndexedDB hands the tracks
 * over on the page's thread), the next waits this many t, so a long first sync of a big
 * library leaves the page free most of the time.
 */
const RELOAD_COST_FACTOR = 3;
/** Sorted in the worker as soon as the library is in, so a click on a column is instant. */
const PREWARMED_SORTS = ['title', 'artist', 'album'] as const;

export type LibraryData =
  | { phase: 'loading' }
  /** The newest tracks, shown while the whole library is read. */
  | { phase: 'preview'; summary: LibrarySummary; preview: StoredTrack[] }
  | { phase: 'ready'; summary: LibrarySummary; model: LibraryModel }
  | { phase: 'failed'; message: string };

/**
 * The cached library for the library page. SPEC §8 gives 300 ms to first rows at 100k tracks,
 * and reading all of them takes ~0.3–0.7 s: so the newest tracks come first (one chunk), then
 * the whole library with its search keys. Reloaded when `libraryVersion` moves; a reload keeps
 * showing the old library until the new one is in, so rows never flash.
 */
export function useLibraryData(db: LibraryDb | null, libraryVersion: number, rankTexts: TextRanker): LibraryData {
  const [data, setData] = useState<LibraryData>({ phase: 'loading' });
  const reloader = useRef<CoalescedRunner | null>(null);
  const loadedVersion = useRef(libraryVersion);

  // A layout effect: the reads start right after the render that has the database, not a frame
  // later, which matters for the 300 ms to first rows.
  useLayoutEffect(() => {
    setData({ phase: 'loading' });
    if (!db) return;
    let active = true;
    let shownAnything = false;
    let latest: LibraryModel | null = null;

    /** Ranks text sorts in the worker, one after another, until a newer library replaces this one. */
    async function prewarm(model: LibraryModel): Promise<void> {
      for (const field of PREWARMED_SORTS) {
        if (!active || latest !== model) return;
        await model.prepareSort(field).catch(() => undefined); // Tried again when chosen.
      }
    }

    async function load(database: LibraryDb): Promise<void> {
      const started = performance.now();
      try {
        if (!shownAnything) {
          const [summary, preview] = await Promise.all([
            readLibrarySummary(database),
            readNewestTracks(database, PREVIEW_TRACKS),
          ]);
          if (!active) return;
          shownAnything = true;
          setData({ phase: 'preview', summary, preview });
        }
        const snapshot = await readLibrarySnapshot(database);
        if (!active || !snapshot) return;
        const model = createLibraryModel(snapshot.tracks, snapshot.searchKeys, rankTexts);
        latest = model;
        setData({ phase: 'ready', summary: snapshot.summary, model });
        void prewarm(model);
      } catch (error) {
        if (active && !shownAnything) {
          setData({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      }
      const pause = RELOAD_COST_FACTOR * (performance.now() - started) - RELOAD_SPACING_MS;
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }

    const runner = createCoalescedRunner(() => load(db), RELOAD_SPACING_MS);
    reloader.current = runner;
    runner.request();
    return () => {
      active = false;
      runner.stop();
      reloader.current = null;
    };
  }, [db, rankTexts]);

  useEffect(() => {
    if (loadedVersion.current === libraryVersion) return;
    loadedVersion.current = libraryVersion;
    reloader.current?.request();
  }, [libraryVersion]);

  return data;
}
