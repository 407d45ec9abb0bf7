/**
 * The popup's track-chunks worker: reads the cached library's tracks off the page's thread and
 * sends them to the page packed, and builds the search's word-initials lists
 * (lib/popup/track-chunks-service.ts).
 */
import { openLibraryDb, readTrackChunk } from '../../lib/library/store';
import { readSearchLibrary } from '../../lib/popup/read-search-library';
import type { TrackChunksMessage, TrackChunksRequest } from '../../lib/popup/track-chunks-protocol';
import { createTrackChunksService } from '../../lib/popup/track-chunks-service';

const handle = createTrackChunksService({
  async openReader(accountKey) {
    const db = await openLibraryDb(accountKey);
    return { readChunk: (chunk) => readTrackChunk(db, chunk), readSearchLibrary: () => readSearchLibrary(db), close: () => db.close() };
  },
  post: (message: TrackChunksMessage, transfer: Transferable[] = []) => postMessage(message, { transfer }),
});

addEventListener('message', (event: MessageEvent<TrackChunksRequest>) => handle(event.data));
