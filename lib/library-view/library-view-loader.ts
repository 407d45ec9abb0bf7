import { readLibrarySummary, readNewestTracks, type LibraryDb, type LibrarySummary } from '../library/store';
import { createCoalescedRunner, type CoalescedRunner } from '../popup/coalesced-runner';
import type { StoredTrack } from '../tracks/stored-track';
import { createLibraryModel, type LibraryModel, type TextRanker } from './library-model';
import { readLibrarySnapshot } from './read-library';

/** Rows read for the first paint: more than a tall window shows, all from the first chunk. */
const PREVIEW_TRACKS = 100;
/** Reloads after library changes start at most this often: a first sync bumps the version every second or two. */
const RELOAD_SPACING_MS = 1000;
/**
 * …and after a reload that took the library page t ms (~0.5 s at 100k: IndexedDB hands the
 * tracks over on the page's thread), the next waits this many t, so a long first sync of a big
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

/** The library once its newest tracks are read. */
export type ReadLibrary = Extract<LibraryData, { phase: 'preview' | 'ready' }>;

export const LOADING_LIBRARY: LibraryData = { phase: 'loading' };

/** How long the next reload waits, beyond RELOAD_SPACING_MS, after one that took `costMs`. */
export function pauseAfterReload(costMs: number): number {
  return Math.max(0, RELOAD_COST_FACTOR * costMs - RELOAD_SPACING_MS);
}

export interface ReloadClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

export interface LibraryViewLoaderOptions {
  db: LibraryDb;
  /** Ranks the text sorts; the library page ranks them in a worker. */
  rankTexts: TextRanker;
  /** Default: `performance.now` and `setTimeout`. */
  clock?: ReloadClock;
}

const realClock: ReloadClock = {
  now: () => performance.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The cached library for the library page. SPEC §8 gives 300 ms to first rows at 100k tracks,
 * and reading all of them takes ~0.3–0.7 s: so the newest tracks are published first (one
 * chunk), then the whole library with its search keys. `reload()` when the AppStatus
 * `libraryVersion` moves; a reload publishes nothing until the new library is in, so rows
 * never flash.
 */
export class LibraryViewLoader {
  readonly #options: LibraryViewLoaderOptions;
  readonly #clock: ReloadClock;
  readonly #listeners = new Set<(data: LibraryData) => void>();
  readonly #reloader: CoalescedRunner;
  #data: LibraryData = LOADING_LIBRARY;
  #active = true;
  #shownAnything = false;
  /** The model last published: prewarming an older one stops. */
  #latest: LibraryModel | null = null;

  constructor(options: LibraryViewLoaderOptions) {
    this.#options = options;
    this.#clock = options.clock ?? realClock;
    this.#reloader = createCoalescedRunner(() => this.#load(), RELOAD_SPACING_MS, this.#clock);
  }

  /** What was last published: `loading` before the first read. */
  get data(): LibraryData {
    return this.#data;
  }

  /** Calls `listener` with everything published from now on; returns the unsubscribe. */
  subscribe(listener: (data: LibraryData) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The first read. */
  start(): void {
    this.#reloader.request();
  }

  /** The library version moved: read it again (coalesced, see RELOAD_SPACING_MS). */
  reload(): void {
    if (this.#active) this.#reloader.request();
  }

  /** Nothing is read, ranked or published after this. */
  stop(): void {
    this.#active = false;
    this.#reloader.stop();
    this.#listeners.clear();
  }

  #publish(data: LibraryData): void {
    this.#data = data;
    for (const listener of this.#listeners) listener(data);
  }

  /** Ranks text sorts, one after another, until a newer library replaces this one. */
  async #prewarm(model: LibraryModel): Promise<void> {
    for (const field of PREWARMED_SORTS) {
      if (!this.#active || this.#latest !== model) return;
      await model.prepareSort(field).catch(() => undefined); // Tried again when chosen.
    }
  }

  async #load(): Promise<void> {
    const { db, rankTexts } = this.#options;
    const started = this.#clock.now();
    try {
      if (!this.#shownAnything) {
        const [summary, preview] = await Promise.all([readLibrarySummary(db), readNewestTracks(db, PREVIEW_TRACKS)]);
        if (!this.#active) return;
        this.#shownAnything = true;
        this.#publish({ phase: 'preview', summary, preview });
      }
      const snapshot = await readLibrarySnapshot(db);
      if (!this.#active || !snapshot) return;
      const model = createLibraryModel(snapshot.tracks, snapshot.searchKeys, rankTexts);
      this.#latest = model;
      this.#publish({ phase: 'ready', summary: snapshot.summary, model });
      void this.#prewarm(model);
    } catch (error) {
      if (this.#active && !this.#shownAnything) {
        this.#publish({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    }
    const pause = pauseAfterReload(this.#clock.now() - started);
    if (pause > 0) await this.#clock.wait(pause);
  }
}
