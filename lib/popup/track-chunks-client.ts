import { unpackListedTrack, type ListedTrack } from './listed-track';
import type { WordInitials } from '../search/word-initials';
import type { MessageEnd, TrackChunk, TrackChunksMessage, TrackChunksRequest } from './track-chunks-protocol';
import { chunkStarts, locatePosition } from './track-positions';
import type { TrackSource } from './track-source';

type Worker = MessageEnd<TrackChunksRequest, TrackChunksMessage>;

export interface TrackChunksClient {
  /**
   * Has the worker send this library version; its tracks then come through the source, and
   * its search keys' word-initials lists, once built, to `useWordInitials`.
   */
  open(
    library: { accountKey: string; version: number; sizes: number[] },
    newest: readonly ListedTrack[],
    useWordInitials: (initials: WordInitials) => void,
  ): TrackSource;
}

/** The page's side of the track-chunks worker (track-chunks-service.ts runs on the other side). */
export function createTrackChunksClient(worker: Worker): TrackChunksClient {
  let current: WorkerTrackSource | null = null;
  let currentInitials: ((initials: WordInitials) => void) | null = null;
  worker.addEventListener('message', ({ data }) => {
    if (data.kind === 'chunk') current?.receive(data);
    else if (data.version === current?.version) currentInitials?.(data.initials);
  });
  return {
    open(library, newest, useWordInitials) {
      worker.postMessage({ kind: 'open', ...library });
      currentInitials = useWordInitials;
      current = new WorkerTrackSource(library.version, library.sizes, newest, (chunks) =>
        worker.postMessage({ kind: 'want', version: library.version, chunks }),
      );
      return current;
    },
  };
}

/** One library version's tracks on the page, packed, as the worker sends them. */
class WorkerTrackSource implements TrackSource {
  readonly total: number;
  readonly #starts: Int32Array;
  readonly #chunks = new Map<number, string[]>();
  readonly #arrivals = new Map<number, () => void>();
  readonly #arrived = new Map<number, Promise<void>>();

  constructor(
    readonly version: number,
    sizes: readonly number[],
    /** Until chunk 0 is here, the tracks read on the page for the first paint. */
    private readonly newest: readonly ListedTrack[],
    private readonly want: (chunks: number[]) => void,
  ) {
    this.#starts = chunkStarts(sizes);
    this.total = this.#starts[sizes.length]!;
  }

  receive(message: TrackChunk): void {
    if (message.version !== this.version) return;
    this.#chunks.set(message.chunk, message.tracks);
    this.#arrivals.get(message.chunk)?.();
  }

  trackAt(position: number): ListedTrack | null | undefined {
    const place = locatePosition(this.#starts, position);
    if (!place) return null;
    const chunk = this.#chunks.get(place.chunk);
    if (!chunk) return place.chunk === 0 ? this.newest[place.offset] : undefined;
    const packed = chunk[place.offset];
    return packed === undefined ? null : unpackListedTrack(packed);
  }

  load(positions: readonly number[]): Promise<void> | null {
    const missing = new Set<number>();
    for (const position of positions) {
      const place = locatePosition(this.#starts, position);
      const waiting = place && !this.#chunks.has(place.chunk) && !(place.chunk === 0 && place.offset < this.newest.length);
      if (waiting) missing.add(place.chunk);
    }
    if (missing.size === 0) return null;
    const unwanted = [...missing].filter((chunk) => !this.#arrived.has(chunk));
    for (const chunk of unwanted) {
      this.#arrived.set(chunk, new Promise((resolve) => this.#arrivals.set(chunk, resolve)));
    }
    if (unwanted.length > 0) this.want(unwanted);
    return Promise.all([...missing].map((chunk) => this.#arrived.get(chunk))).then(() => undefined);
  }
}
