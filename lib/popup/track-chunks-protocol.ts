import type { WordInitials } from '../search/word-initials';

/**
 * The popup page ⇄ its track-chunks worker (entrypoints/popup/track-chunks-worker.ts). The page
 * searches the keys itself and must have a keystroke's rows at hand in the same task: an answer
 * from the worker comes a frame later or more (15–60 ms measured), past SPEC §8's budget. So the
 * worker reads every chunk of the library, off the page's thread, and sends each one over,
 * packed (listed-track.ts); the page asks for the chunks it is missing first. Once every chunk
 * is sent, the worker builds the search's word-initials lists from the same version's keys
 * (~100 ms of script at 100k tracks, which on the page took idle time that keystrokes then
 * waited behind) and moves them to the page.
 */

/** Page → worker. */
export type TrackChunksRequest =
  /** Read this account's library at this version, chunks of these sizes; drop anything older. */
  | { kind: 'open'; accountKey: string; version: number; sizes: number[] }
  /** These chunks are needed now: read them next. */
  | { kind: 'want'; version: number; chunks: number[] };

/** Worker → page. */
export type TrackChunksMessage = TrackChunk | WordInitialsMessage;

/** One chunk's tracks, packed, in display order (empty if it cannot be read). */
export interface TrackChunk {
  kind: 'chunk';
  version: number;
  chunk: number;
  tracks: string[];
}

/** The word-initials lists of this library version's search keys (word-initials.ts). */
export interface WordInitialsMessage {
  kind: 'wordInitials';
  version: number;
  initials: WordInitials;
}

/** The two ends of the conversation, as a Worker and a worker's global scope both are. */
export interface MessageEnd<Out, In> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}
