import type { ChunkReader } from './track-chunk-cache';
import { packListedTrack } from './listed-track';
import type { TrackChunk, TrackChunksRequest } from './track-chunks-protocol';

export interface LibraryReader {
  readChunk: ChunkReader;
  close(): void;
}

export interface TrackChunksServiceDeps {
  openReader(accountKey: string): Promise<LibraryReader>;
  post(chunk: TrackChunk): void;
}

/**
 * The worker's side: reads the library's chunks one after another, wanted ones first, and
 * sends each to the page packed. Reading and decoding them on the page took tasks of 50 ms and
 * more at 100k tracks that keystrokes waited behind; here the page only unpacks the rows it
 * shows.
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
      deps.post({ version: library.version, chunk, tracks });
    }
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
    void send(sending, reader!);
  };
}
