import { readChunkSizes, readNewestTracks, readTrackChunk, type LibraryDb } from '../library/store';
import { createLibrarySearch, warmUpSearch, type LibrarySearch } from '../search/search-library';
import { WordInitialsBuilder, type WordInitials } from '../search/word-initials';
import type { StoredTrack } from '../tracks/stored-track';
import { createCoalescedRunner, type CoalescedRunner } from './coalesced-runner';
import { listedTrackOf, type FirstScreen } from './first-screen';
import { firstScreenItem } from '../storage-items';
import { readSearchLibrary } from './read-search-library';
import { TrackChunkCache } from './track-chunk-cache';
import { createTrackChunksClient, type TrackChunksClient } from './track-chunks-client';
import type { TrackSource } from './track-source';

/** Tracks read for the first paint: more than a screenful, all from the first chunk. */
const FIRST_PAINT_TRACKS = 50;
/**
 * Reloads after library changes start at most this often (see createCoalescedRunner). The
 * background already spaces its changes during a first sync; this only keeps a burst of
 * Save / Remove from reading the keys once per click.
 */
const RELOAD_SPACING_MS = 250;
/** Prefetching on the page (no worker) waits at most this long for the browser to be idle. */
const PREFETCH_IDLE_TIMEOUT_MS = 250;
/**
 * The longest an idle slice of the word-initials build holds the page's thread. An idle period
 * can offer 50 ms, and a key pressed inside it waits for the slice to end before its search.
 */
const WORD_INITIALS_SLICE_MS = 4;

export interface PopupLibrary {
  accountKey: string;
  /** Shown from the last popup's first screen (first-screen.ts) while the database opens. */
  fromFirstScreen: boolean;
  /** The tracks behind display positions. */
  tracks: TrackSource;
  /** Null until the search keys are read; until then the newest tracks are listed. */
  search: LibrarySearch | null;
  /** The AppStatus `libraryVersion` this was read at: behind it, a reload is on its way. */
  version: number;
}

/** `requestIdleCallback`'s shape: the loader does its long work in idle slices. */
export type IdleScheduler = (callback: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => void;

export interface PopupLibraryLoaderOptions {
  db: LibraryDb;
  accountKey: string;
  /** The track-chunks worker (entrypoints/popup/track-chunks-worker.ts), or null if none starts. */
  startRowsWorker: () => Worker | null;
  /** The AppStatus `libraryVersion` now: read as each load begins. */
  currentVersion: () => number;
  /** The first screen kept for the next popup now, if it is this account's (first-screen.ts). */
  keptFirstScreen: () => FirstScreen | null;
  /** Keeps the first screen for the next popup. Default: `firstScreenItem` in storage.session. */
  keepFirstScreen?: (screen: FirstScreen) => void;
  /** Default: `requestIdleCallback`. */
  whenIdle?: IdleScheduler;
}

/** Shown from a first screen until the database is open: rows past it wait for that library. */
export function firstScreenLibrary(screen: FirstScreen): PopupLibrary {
  return {
    accountKey: screen.accountKey,
    fromFirstScreen: true,
    tracks: new TrackChunkCache(screen.sizes, () => new Promise<StoredTrack[]>(() => undefined), screen.newest),
    search: null,
    version: screen.libraryVersion,
  };
}

/**
 * The cached library as the popup searches it. SPEC §8 gives 150 ms from opening to results
 * at 100k tracks, so the newest tracks (one small read) are published first, then the search
 * keys (one read of ~100 records) are read into a search on this page. From the first read on
 * every chunk of tracks is read in the background (see #openRows), so that a keystroke's rows
 * are at hand when it comes. `reload()` when the AppStatus `libraryVersion` moves.
 */
export class PopupLibraryLoader {
  readonly #options: PopupLibraryLoaderOptions;
  readonly #whenIdle: IdleScheduler;
  readonly #keepFirstScreen: (screen: FirstScreen) => void;
  readonly #listeners = new Set<(library: PopupLibrary) => void>();
  readonly #reloader: CoalescedRunner;
  #published: PopupLibrary | null = null;
  #active = true;
  #firstLoad = true;
  /** The stored library's own version, of what is published with a search. */
  #publishedVersion: number | null = null;
  #worker: Worker | null = null;
  #rowsWorker: TrackChunksClient | null = null;
  #workerFailed = false;
  #pagePrefetch = new AbortController();
  /** The search of the library last read: word-initials lists for an older one are not finished. */
  #latestSearch: { search: LibrarySearch; version: number } | null = null;
  /** The worker's word-initials lists, which can come before the search they are for. */
  #workerInitials: { version: number; initials: WordInitials } | null = null;

  constructor(options: PopupLibraryLoaderOptions) {
    this.#options = options;
    this.#whenIdle = options.whenIdle ?? ((callback, idleOptions) => requestIdleCallback(callback, idleOptions));
    this.#keepFirstScreen = options.keepFirstScreen ?? ((screen) => void firstScreenItem.setValue(screen));
    this.#reloader = createCoalescedRunner(() => this.#load(), RELOAD_SPACING_MS);
  }

  /** The library last published, or null before the first read. */
  get library(): PopupLibrary | null {
    return this.#published;
  }

  /** Calls `listener` with every library published from now on; returns the unsubscribe. */
  subscribe(listener: (library: PopupLibrary) => void): () => void {
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

  /** Nothing is read or published after this; the worker ends. */
  stop(): void {
    this.#active = false;
    this.#pagePrefetch.abort();
    this.#worker?.terminate();
    this.#reloader.stop();
    this.#listeners.clear();
  }

  #publish(library: PopupLibrary): void {
    if (!this.#active) return;
    this.#published = library;
    for (const listener of this.#listeners) listener(library);
  }

  #fromDatabase(tracks: TrackSource, search: LibrarySearch | null, version: number): PopupLibrary {
    return { accountKey: this.#options.accountKey, fromFirstScreen: false, tracks, search, version };
  }

  /**
   * Every chunk of tracks is read in the background so that a keystroke's rows are at hand:
   * by the track-chunks worker, which sends them packed and then the search's word-initials
   * lists; or, where no worker starts, by the page itself (at 100k tracks that made tasks of
   * 50 ms and more, and ~150 MB of objects).
   */
  #openRows(sizes: number[], version: number, newest: StoredTrack[]): TrackSource {
    this.#pagePrefetch.abort();
    if (!this.#workerFailed) {
      this.#rowsWorker ??= this.#startWorker();
      if (this.#rowsWorker) {
        return this.#rowsWorker.open({ accountKey: this.#options.accountKey, version, sizes }, newest, (initials) => {
          this.#workerInitials = { version, initials };
          this.#useWorkerInitials();
        });
      }
    }
    this.#pagePrefetch = new AbortController();
    const { db } = this.#options;
    const tracks = new TrackChunkCache(sizes, (chunk) => readTrackChunk(db, chunk), newest);
    void tracks.prefetchAll(this.#pagePrefetch.signal, () => new Promise((resolve) => this.#whenIdle(() => resolve(), { timeout: PREFETCH_IDLE_TIMEOUT_MS })));
    return tracks;
  }

  /** The search is ready: its word-initials lists come from the worker, or are built here. */
  #searchReady(search: LibrarySearch, version: number, keys: readonly string[]): void {
    this.#latestSearch = { search, version };
    if (this.#rowsWorker) this.#useWorkerInitials();
    else this.#buildWordInitials(search, keys);
  }

  #useWorkerInitials(): void {
    const latest = this.#latestSearch;
    if (this.#active && latest && this.#workerInitials?.version === latest.version) latest.search.useWordInitials(this.#workerInitials.initials);
  }

  #startWorker(): TrackChunksClient | null {
    const worker = this.#options.startRowsWorker();
    this.#worker = worker;
    if (!worker) {
      this.#workerFailed = true;
      return null;
    }
    // A worker that fails (its script cannot load) leaves its requests unanswered: the
    // library is read again, into the page.
    worker.addEventListener('error', () => {
      worker.terminate();
      this.#workerFailed = true;
      this.#rowsWorker = null;
      this.#publishedVersion = null;
      this.reload();
    });
    return createTrackChunksClient(worker);
  }

  /** Built in idle slices, so that no keystroke waits for the whole pass (~100 ms at 100k). */
  #buildWordInitials(search: LibrarySearch, keys: readonly string[]): void {
    const builder = new WordInitialsBuilder(keys);
    const slice = () =>
      this.#whenIdle((deadline) => {
        if (!this.#active || this.#latestSearch?.search !== search) return;
        const sliceEnd = performance.now() + WORD_INITIALS_SLICE_MS;
        if (builder.step(() => Math.min(deadline.timeRemaining(), sliceEnd - performance.now()))) search.useWordInitials(builder.result());
        else slice();
      });
    slice();
  }

  /**
   * For the next popup. `version` is the status's version when this load began: the tracks
   * read since are of that version or newer, and if newer the status moves past `version`,
   * so that this first screen is not shown again.
   */
  #rememberFirstScreen(version: number, sizes: number[], newest: readonly StoredTrack[]): void {
    if (this.#options.keptFirstScreen()?.libraryVersion === version) return;
    this.#keepFirstScreen({ accountKey: this.#options.accountKey, libraryVersion: version, sizes, newest: newest.map(listedTrackOf) });
  }

  async #load(): Promise<void> {
    const { db } = this.#options;
    const version = this.#options.currentVersion();
    let firstPaint: { newest: StoredTrack[]; libraryVersion: number; rows: TrackSource; workerFailed: boolean } | null = null;
    if (this.#firstLoad) {
      this.#firstLoad = false;
      // Two small reads. The keys are read after them, not beside them: at 100k tracks they
      // take tens of milliseconds to arrive and be deserialized, on this thread.
      const [newest, { sizes, version: libraryVersion }] = await Promise.all([readNewestTracks(db, FIRST_PAINT_TRACKS), readChunkSizes(db)]);
      if (!this.#active) return;
      // The rows start coming now, while the keys are read: the first keystroke's rows are
      // mostly in the first chunk, past the newest tracks read here.
      const rows = this.#openRows(sizes, libraryVersion, newest);
      this.#publish(this.#fromDatabase(rows, null, version));
      firstPaint = { newest, libraryVersion, rows, workerFailed: this.#workerFailed };
      this.#rememberFirstScreen(version, sizes, newest);
    } else if ((await readChunkSizes(db)).version === this.#publishedVersion) {
      // The status moved but the stored library did not (a Save rolled back): nothing to read.
      if (this.#published) this.#publish({ ...this.#published, version });
      return;
    }
    const { keys, sizes, version: libraryVersion } = await readSearchLibrary(db);
    const newest = firstPaint?.libraryVersion === libraryVersion ? firstPaint.newest : await readNewestTracks(db, FIRST_PAINT_TRACKS);
    if (!this.#active) return;
    // Before the search is handed over: a keystroke typed the moment the popup opened is the
    // one that would meet the unoptimized code.
    if (firstPaint) warmUpSearch(keys);
    const search = createLibrarySearch(keys);
    // The rows opened for the first paint, if they are of these keys' version and their worker
    // has not failed since; else a new source, with the newest tracks at hand at once and rows
    // further down the results asked of the worker first.
    const rowsStillComing = firstPaint?.libraryVersion === libraryVersion && firstPaint.workerFailed === this.#workerFailed;
    const rows = rowsStillComing ? firstPaint!.rows : this.#openRows(sizes, libraryVersion, newest);
    this.#publish(this.#fromDatabase(rows, search, version));
    this.#searchReady(search, libraryVersion, keys);
    this.#publishedVersion = libraryVersion;
    if (!firstPaint) this.#rememberFirstScreen(version, sizes, newest);
  }
}
