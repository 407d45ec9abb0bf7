import { generationRange, type LibraryDb } from '../library/db';
import { isUnavailableKey } from '../library/slots';
import { slotKeysOfPacked } from '../library/packed-tracks';

/** The published library as the removal search needs it: slot keys in order and where each lives. */
export interface CachedOrder {
  keys: string[];
  /** Chunk seq of each slot, so removals are applied without looking anything up. */
  seqs: number[];
  /** Position of each slot a page can return (unavailable ones are never returned, so never looked up). */
  positionOf: Map<string, number>;
  /** Unavailable slots before each position: `unavailableBefore[i]` counts those in [0, i). */
  unavailableBefore: Uint32Array;
}

/**
 * Reads every chunk once (at 100k tracks about as long as the "few large values":
 * 0.3–0.7 s in Chromium). Only an incremental sync that found more than new saves at the head
 * needs it; "nothing changed" and "only saves" never load the library.
 */
export async function loadCachedOrder(db: LibraryDb): Promise<CachedOrder> {
  const transaction = db.transaction(['meta', 'trackChunks']);
  const meta = await transaction.objectStore('meta').get('library');
  const chunks = meta?.key === 'library' ? await transaction.objectStore('trackChunks').getAll(generationRange(meta.generation)) : [];
  const keys: string[] = [];
  const seqs: number[] = [];
  const positionOf = new Map<string, number>();
  for (const chunk of chunks) {
    for (const key of slotKeysOfPacked(chunk)) {
      // A repeated key (two skipped items saved in the same second) keeps its first place.
      if (!isUnavailableKey(key) && !positionOf.has(key)) positionOf.set(key, keys.length);
      keys.push(key);
      seqs.push(chunk.seq);
    }
  }
  const unavailableBefore = new Uint32Array(keys.length + 1);
  keys.forEach((key, index) => {
    unavailableBefore[index + 1] = unavailableBefore[index]! + (isUnavailableKey(key) ? 1 : 0);
  });
  return { keys, seqs, positionOf, unavailableBefore };
}
