import { WordInitialsBuilder, type WordInitials } from '../search/word-initials';
import type { SearchableLibrary } from './read-search-library';
import type { ChunkReader } from './track-chunk-cache';
import { packListedTrack } from './listed-track';
import type { TrackChunksMessage, TrackChunksRequest } from './track-chunks-protocol';

export interface LibraryReader {
  readChunk: ChunkReader;
  readSearchLibrary(): Promise<SearchableLibrary>;
  close(): void;
}

export interface TrackChunksServiceDeps {
  openReader(accountKey: string): Promise<LibraryReader>;
  post(message: TrackChunksMessage, transfer?: Transferable[]): void;
}

/**
 * The longest the word-initials build holds the worker's thread at a time: a `want` from the
 * page waits for the slice to end.
 */
const WORD_INITIALS_SLICE_MS = 8;

/**
 * The worker's side: reads the library's chunks one after another, wanted ones first, and
 * sends each to the page packed; then reads the search keys and builds their word-initials
 * lists (after the rows: a keystroke's results wait for their rows, not for the lists).
 * Reading and decoding chunks on the page took tasks of 50 ms and more at 100k tracks that
 * keystrokes waited behind; here the page only unpacks the rows it shows.
 */
export function createTrackChunksService(deps: TrackChunksServiceDeps): (request: TrackChunksRequest) => void {
  let accountKey: string | null = null;
  let reader: Promise<LibraryReader> | null = null;
  /** The library being sent: its version and the chunks not sent yet, in the order to send. */
  let sending: { version: number; queue: number[] } | null = null;

  async function send(library: { version: number; queue: number[] }, opened: Promise<LibraryReader>): Promise<void> {
    const { readChunk } = await opened;
    // Stops when a newer `open` replaces `library`.
    while (sending === library && library.queue.length > 0) {
      const chunk = library.queue.shift()!;
      let tracks: string[];
      try {
        tracks = (await readChunk(chunk)).map(packListedTrack);
      } catch {
        // The database closed under us (the account's data was deleted): nothing to list.
        tracks = [];
      }
      if (sending !== library) return;
      deps.post({ kind: 'chunk', version: library.version, chunk, tracks });
    }
  }

  /** Nothing is sent for keys of another version than `library`'s: the page reopens for those. */
  async function sendWordInitials(library: { version: number }, opened: Promise<LibraryReader>): Promise<void> {
    let keys: string[];
    try {
      const searchable = await (await opened).readSearchLibrary();
      if (searchable.version !== library.version) return;
      keys = searchable.keys;
    } catch {
      return;
    }
    const builder = new WordInitialsBuilder(keys);
    for (;;) {
      if (sending !== library) return;
      const sliceEnd = performance.now() + WORD_INITIALS_SLICE_MS;
      if (builder.step(() => sliceEnd - performance.now())) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const initials = builder.result();
    deps.post({ kind: 'wordInitials', version: library.version, initials }, buffersOf(initials));
  }

  return (request) => {
    if (request.kind === 'want') {
      if (sending?.version !== request.version) return;
      const { queue } = sending;
      const wanted = request.chunks.filter((chunk) => queue.includes(chunk));
      sending.queue = [...wanted, ...queue.filter((chunk) => !wanted.includes(chunk))];
      return;
    }
    if (request.accountKey !== accountKey) {
      void reader?.then((old) => old.close());
      accountKey = request.accountKey;
      reader = deps.openReader(request.accountKey);
    }
    sending = { version: request.version, queue: request.sizes.map((_, chunk) => chunk) };
    const library = sending;
    const opened = reader!;
    void send(library, opened).then(() => sendWordInitials(library, opened));
  };
}

/** Moved to the page rather than copied: ~5 MB at 100k tracks. */
function buffersOf(initials: WordInitials): ArrayBuffer[] {
  return [...initials.lists.values(), ...initials.ranked.values()].map((list) => list.buffer as ArrayBuffer);
}
