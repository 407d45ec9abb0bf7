import { describe, expect, it } from 'vitest';
import { openLibraryDb } from '../../../lib/library/db';
import { GenerationIndex } from '../../../lib/library/generation-index';
import { holeSlot, slotListOf, trackSlot, type Slot } from '../../../lib/library/slots';
import { encodeList } from '../../../lib/library/packed-tracks';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { generateLibrary } from '../../stand-in/library';

const tracks = generateLibrary({ size: 2600, seed: 9, now: Date.parse('2026-11-01T12:00:00Z') }).flatMap((item) => {
  const track = toStoredTrack(item);
  return track ? [track] : [];
});
/** Three chunks like a sync writes them: 1,000 slots, 1,000 slots (one a skipped item), the rest. */
const chunks: Slot[][] = [
  tracks.slice(0, 1000).map(trackSlot),
  [...tracks.slice(1000, 1500).map(trackSlot), holeSlot('2020-01-01T00:00:00Z'), ...tracks.slice(1500, 1999).map(trackSlot)],
  tracks.slice(1999).map(trackSlot),
];

function indexOfAll(gen: number): GenerationIndex {
  const index = new GenerationIndex(gen);
  chunks.forEach((slots, seq) => {
    index.add(seq, slotListOf(slots));
  });
  return index;
}

describe('GenerationIndex', () => {
  it('collects what publishing needs from chunks as they are written', () => {
    const index = indexOfAll(3);
    expect(index.chunkCount).toBe(3);
    expect(index.chunks).toEqual([
      { seq: 0, tracks: 1000, slots: 1000, unavailable: 0, oldestAddedAt: tracks[999]!.addedAt },
      { seq: 1, tracks: 999, slots: 1000, unavailable: 0, oldestAddedAt: tracks[1998]!.addedAt },
      { seq: 2, tracks: tracks.length - 1999, slots: tracks.length - 1999, unavailable: 0, oldestAddedAt: tracks.at(-1)!.addedAt },
    ]);
    expect(index.head).toEqual(chunks[0]!.slice(0, 50).map((slot) => slot.key));
    expect(index.buckets.size).toBe(tracks.length);
    expect(tracks.every((track) => index.buckets.has(track.uri))).toBe(true);
    expect(index.buckets.has('spotify:track:0000000000000000000000')).toBe(false);
  });

  it('takes chunks in order only', () => {
    const index = new GenerationIndex(1);
    expect(() => index.add(1, slotListOf(chunks[1]!))).toThrow(/came before chunk 0/);
  });

  it('catches up on chunks written before a restart from IndexedDB, and notices one missing', async () => {
    const db = await openLibraryDb(`generation-index-${Date.now()}`);
    for (const [seq, slots] of chunks.entries()) await db.put('trackChunks', { gen: 4, seq, ...encodeList(slotListOf(slots)) });
    const resumed = new GenerationIndex(4);
    await resumed.catchUp(db, 2);
    resumed.add(2, slotListOf(chunks[2]!));
    const whole = indexOfAll(4);
    expect({ chunks: resumed.chunks, head: resumed.head, ids: resumed.buckets.idBuckets, isrcs: resumed.buckets.isrcBuckets }).toEqual({
      chunks: whole.chunks,
      head: whole.head,
      ids: whole.buckets.idBuckets,
      isrcs: whole.buckets.isrcBuckets,
    });

    await db.delete('trackChunks', [4, 1]);
    await expect(new GenerationIndex(4).catchUp(db, 3)).rejects.toThrow(/Chunk 1 of generation 4 is missing/);
    db.close();
  });
});
