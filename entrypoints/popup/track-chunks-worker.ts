/**
 * The popup's track-chunks worker: reads the cached library's tracks off the page's thread and
 * sends them to the page packed (lib/popup/track-chunks-service.ts).
 */
import { openLibraryDb, readTrackChunk } from '../../lib/library/store';
import type { TrackChunk, TrackChunksRequest } from '../../lib/popup/track-chunks-protocol';
import { createTrackChunksService } from '../../lib/popup/track-chunks-service';

const handle = createTrackChunksService({
  async openReader(accountKey) {
    const db = await openLibraryDb(accountKey);
    return { readChunk: (chunk) => readTrackChunk(db, chunk), close: () => db.close() };
  },
  post: (chunk: TrackChunk) => postMessage(chunk),
});

addEventListener('message', (event: MessageEvent<TrackChunksRequest>) => handle(event.data));
