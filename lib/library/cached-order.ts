import { generationRange, type LibraryDb } from './db';
import { slotKeysOfRows } from './track-rows';

/** The published library as the removal search needs it: slot keys in order and where each lives. */
export interface CachedOrder {
  keys: string[];
  /** Chunk seq of each slot, so removals are applied without looking anything up. */
  seqs: number[];
  positionOf: Map<string, number>;
}

/**
 * Reads every chunk once (at 100k tracks about as long as the "few large values":
 * 0.3–0.7 s in Chromium). Only an incremental sync that found more than new saves at the head
 * needs it; "nothing changed" and "only saves" never load the library.
 */
export async function loadCachedOrder(db: LibraryDb): Promise<CachedOrder> {
  const transaction = db.transaction(['meta', 'trackChunks']);
  const meta = await transaction.objectStore('meta').get('library');
  const chunks =
    meta?.key === 'library' ? await transaction.objectStore('trackChunks').getAll(generationRange(meta.generation)) : [];
  const order: CachedOrder = { keys: [], seqs: [], positionOf: new Map() };
  for (const chunk of chunks) {
    for (const key of slotKeysOfRows(chunk)) {
      // A repeated key (two skipped items saved in the same second) keeps its first place.
      if (!order.positionOf.has(key)) order.positionOf.set(key, order.keys.length);
      order.keys.push(key);
      order.seqs.push(chunk.seq);
    }
  }
  return order;
}
