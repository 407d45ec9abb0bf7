/**
 * The popup's track-rows worker: reads the cached library's tracks off the page's thread and
 * sends them to the page packed (lib/popup/track-rows-service.ts).
 */
import { openLibraryDb, readTrackChunk } from '../../lib/library/store';
import type { TrackRowsChunk, TrackRowsRequest } from '../../lib/popup/track-rows-protocol';
import { createTrackRowsService } from '../../lib/popup/track-rows-service';

const handle = createTrackRowsService({
  async openReader(accountKey) {
    const db = await openLibraryDb(accountKey);
    return { readChunk: (chunk) => readTrackChunk(db, chunk), close: () => db.close() };
  },
  post: (chunk: TrackRowsChunk) => postMessage(chunk),
});

addEventListener('message', (event: MessageEvent<TrackRowsRequest>) => handle(event.data));
