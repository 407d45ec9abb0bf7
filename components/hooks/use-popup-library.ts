import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { readChunkSizes, readNewestTracks, readTrackChunk, type LibraryDb } from '../../lib/library/store';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { createCoalescedRunner, type CoalescedRunner } from '../../lib/popup/coalesced-runner';
import { listedTrackOf, type FirstPage } from '../../lib/popup/first-page';
import { firstPageItem } from '../../lib/storage-items';
import { readSearchLibrary } from '../../lib/popup/read-search-library';
import { TrackChunkCache } from '../../lib/popup/track-chunk-cache';
import type { TrackSource } from '../../lib/popup/track-source';
import { createTrackRowsClient, type TrackRowsClient } from '../../lib/popup/track-rows-client';
import { createLibrarySearch, warmUpSearch, type LibrarySearch } from '../../lib/search/search-library';
import { WordInitialsBuilder } from '../../lib/search/word-initials';

/** Tracks read for the first paint: more than a screenful, all from the first chunk. */
const FIRST_PAINT_TRACKS = 50;
/**
 * Reloads after library changes start at most this often (see createCoalescedRunner). The
 * background already spaces its changes during a first sync; this only keeps a burst of
 * Save / Remove from reading the keys once per click.
 */
const RELOAD_SPACING_MS = 250;

export interface PopupLibrary {
  accountKey: string;
  /** Shown from the last popup's first page (first-page.ts) while the database opens. */
  fromFirstPage: boolean;
  /** The tracks behind display positions. */
  tracks: TrackSource;
  /** Null until the search keys are read; until then the newest tracks are listed. */
  search: LibrarySearch | null;
  /** The AppStatus `libraryVersion` this was read at: behind it, a reload is on its way. */
  version: number;
}

/**
 * The cached library as the popup searches it. SPEC §8 gives 150 ms from opening to results
 * at 100k tracks, so the newest tracks (one small read) are shown first, then the search keys
 * (one read of ~100 records) are read into a search on this page, and every chunk of tracks is
 * read in the background (see trackSource), so that a keystroke's rows are at hand when it
 * comes. Reloaded when `libraryVersion` moves.
 */
export function usePopupLibrary(
  db: LibraryDb | null,
  accountKey: string | null,
  libraryVersion: number,
  /** The track-rows worker (entrypoints/popup/track-rows-worker.ts), or null if none starts. */
  startRowsWorker: () => Worker | null,
  /** The last popup's first page of this account's library at `libraryVersion`, or null. */
  firstPage: FirstPage | null,
): PopupLibrary | null {
  const [library, setLibrary] = useState<PopupLibrary | null>(null);
  const reloader = useRef<CoalescedRunner | null>(null);
  const latestVersion = useRef(libraryVersion);
  const requestedVersion = useRef(libraryVersion);
  latestVersion.current = libraryVersion;
  const latestFirstPage = useRef(firstPage);
  latestFirstPage.current = firstPage;

  // Shown until the database is open, then replaced by the same rows read from it. Rows past
  // these wait for that library: this one reads no chunk.
  useLayoutEffect(() => {
    if (!firstPage) return;
    setLibrary(
      (current) =>
        current ?? {
          accountKey: firstPage.accountKey,
          fromFirstPage: true,
          tracks: new TrackChunkCache(firstPage.sizes, () => new Promise<StoredTrack[]>(() => undefined), firstPage.newest),
          search: null,
          version: firstPage.libraryVersion,
        },
    );
  }, [firstPage]);

  // Layout effects: the reads start right after the render that has the database, not a frame
  // later (a frame is a tenth of the 150 ms budget to first results).
  useLayoutEffect(() => {
    setLibrary((current) => (current?.fromFirstPage && current.accountKey === accountKey ? current : null));
    if (!db || !accountKey) return;
    let active = true;
    const readChunk = (chunk: number) => readTrackChunk(db, chunk);
    const fromDatabase = (tracks: TrackSource, search: LibrarySearch | null, version: number): PopupLibrary => ({
      accountKey,
      fromFirstPage: false,
      tracks,
      search,
      version,
    });
    let worker: Worker | null = null;
    let rowsWorker: TrackRowsClient | null = null;
    let workerFailed = false;
    let pagePrefetch = new AbortController();

    /**
     * Every chunk of tracks is read in the background so that a keystroke's rows are at hand:
     * by the track-rows worker, which sends them packed; or, where no worker starts, by the
     * page itself (at 100k tracks that made tasks of 50 ms and more, and ~150 MB of objects).
     */
    function trackSource(sizes: number[], version: number, newest: StoredTrack[]): TrackSource {
      pagePrefetch.abort();
      if (!workerFailed) {
        rowsWorker ??= startWorker();
        if (rowsWorker) return rowsWorker.open({ accountKey: accountKey!, version, sizes }, newest);
      }
      pagePrefetch = new AbortController();
      const tracks = new TrackChunkCache(sizes, readChunk, newest);
      void tracks.prefetchAll(pagePrefetch.signal, whenIdle);
      return tracks;
    }

    function startWorker(): TrackRowsClient | null {
      worker = startRowsWorker();
      if (!worker) {
        workerFailed = true;
        return null;
      }
      // A worker that fails (its script cannot load) leaves its requests unanswered: the
      // library is read again, into the page.
      worker.addEventListener('error', () => {
        worker?.terminate();
        workerFailed = true;
        rowsWorker = null;
        publishedVersion = null;
        reloader.current?.request();
      });
      return createTrackRowsClient(worker);
    }

    /** The search of the library last read: lists for an older one are not finished. */
    let latestSearch: LibrarySearch | null = null;
    /** Built in idle slices, so that no keystroke waits for the whole pass (~55 ms at 100k). */
    function buildWordInitials(search: LibrarySearch, keys: readonly string[]): void {
      const builder = new WordInitialsBuilder(keys);
      const slice = () =>
        requestIdleCallback((deadline) => {
          if (!active || latestSearch !== search) return;
          if (builder.step(() => deadline.timeRemaining())) search.useWordInitials(builder.result());
          else slice();
        });
      latestSearch = search;
      slice();
    }

    /**
     * For the next popup. `version` is the status's version when this load began: the tracks
     * read since are of that version or newer, and if newer the status moves past `version`,
     * so that this page is not shown again.
     */
    function rememberFirstPage(version: number, sizes: number[], newest: readonly StoredTrack[]): void {
      if (latestFirstPage.current?.libraryVersion === version) return;
      const page = { accountKey: accountKey!, libraryVersion: version, sizes, newest: newest.map(listedTrackOf) };
      void firstPageItem.setValue(page);
    }

    let firstLoad = true;
    /** The stored library's own version, of what is published. */
    let publishedVersion: number | null = null;
    async function load(): Promise<void> {
      const version = latestVersion.current;
      let firstPaint: { newest: StoredTrack[]; libraryVersion: number } | null = null;
      if (firstLoad) {
        firstLoad = false;
        // Two small reads. The keys are read after them, not beside them: at 100k tracks they
        // take tens of milliseconds to arrive and be deserialized, on this thread.
        const [newest, { sizes, version: libraryVersion }] = await Promise.all([
          readNewestTracks(db!, FIRST_PAINT_TRACKS),
          readChunkSizes(db!),
        ]);
        if (!active) return;
        setLibrary(fromDatabase(new TrackChunkCache(sizes, readChunk, newest), null, version));
        firstPaint = { newest, libraryVersion };
        rememberFirstPage(version, sizes, newest);
      } else if ((await readChunkSizes(db!)).version === publishedVersion) {
        // The status moved but the stored library did not (a Save rolled back): nothing to read.
        if (active) setLibrary((published) => published && { ...published, version });
        return;
      }
      const { keys, sizes, version: libraryVersion } = await readSearchLibrary(db!);
      const newest =
        firstPaint?.libraryVersion === libraryVersion ? firstPaint.newest : await readNewestTracks(db!, FIRST_PAINT_TRACKS);
      if (!active) return;
      // Before the search is handed over: a keystroke typed the moment the popup opened is the
      // one that would meet the unoptimized code.
      if (firstPaint) warmUpSearch(keys);
      const search = createLibrarySearch(keys);
      // The newest tracks are at hand in the new source at once; rows further down the results
      // are asked of the worker first and arrive within moments.
      setLibrary(fromDatabase(trackSource(sizes, libraryVersion, newest), search, version));
      publishedVersion = libraryVersion;
      if (!firstPaint) rememberFirstPage(version, sizes, newest);
      buildWordInitials(search, keys);
    }

    reloader.current = createCoalescedRunner(load, RELOAD_SPACING_MS);
    reloader.current.request();
    return () => {
      active = false;
      pagePrefetch.abort();
      worker?.terminate();
      reloader.current?.stop();
      reloader.current = null;
    };
  }, [db, accountKey, startRowsWorker]);

  useLayoutEffect(() => {
    if (requestedVersion.current === libraryVersion) return;
    requestedVersion.current = libraryVersion;
    reloader.current?.request();
  }, [libraryVersion]);

  return library;
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 250 }));
}
