import { describe, expect, it } from 'vitest';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { TrackChunkCache } from '../../../lib/popup/track-chunk-cache';

function fakeTrack(name: string): StoredTrack {
  return {
    id: null,
    uri: `spotify:local:${name}`,
    name,
    artists: [],
    album: { id: null, name: '', image: null, releaseDate: null },
    durationMs: 0,
    explicit: false,
    isrc: null,
    addedAt: '2024-01-01T00:00:00Z',
    isLocal: true,
    isPlayable: null,
  };
}

/** A library of chunks named `c<chunk>:<offset>`, with a log of the chunks read. */
function library(sizes: number[]) {
  const reads: number[] = [];
  const readChunk = async (chunk: number) => {
    reads.push(chunk);
    return Array.from({ length: sizes[chunk] ?? 0 }, (_, offset) => fakeTrack(`c${chunk}:${offset}`));
  };
  return { reads, readChunk };
}

const nameAt = (cache: TrackChunkCache, position: number) => cache.trackAt(position)?.name;

describe('TrackChunkCache', () => {
  it('reads only the chunks that hold the positions asked for, once each', async () => {
    const { reads, readChunk } = library([4, 4, 4]);
    const cache = new TrackChunkCache([4, 4, 4], readChunk);
    expect(cache.total).toBe(12);
    expect(cache.trackAt(9)).toBeUndefined();

    await cache.load([9, 10, 1]);
    expect(reads.sort()).toEqual([0, 2]);
    expect([nameAt(cache, 1), nameAt(cache, 9), nameAt(cache, 10)]).toEqual(['c0:1', 'c2:1', 'c2:2']);
    expect(cache.trackAt(5)).toBeUndefined();

    expect(cache.load([0, 11])).toBeNull();
    await Promise.all([cache.load([4]), cache.load([5])]);
    expect(reads.sort()).toEqual([0, 1, 2]);
  });

  it('shows the newest tracks read for the first paint before chunk 0 is read', async () => {
    const { reads, readChunk } = library([4, 4]);
    const cache = new TrackChunkCache([4, 4], readChunk, [fakeTrack('first'), fakeTrack('second')]);
    expect([nameAt(cache, 0), nameAt(cache, 1)]).toEqual(['first', 'second']);
    expect(cache.load([0, 1])).toBeNull();
    await cache.load([3]);
    expect(reads).toEqual([0]);
    expect(nameAt(cache, 0)).toBe('c0:0');
  });

  it('says null for positions past the end, or that a chunk read shorter than expected', async () => {
    const readChunk = async () => [fakeTrack('only')];
    const cache = new TrackChunkCache([3], readChunk);
    expect(cache.trackAt(3)).toBeNull();
    await cache.load([0, 2]);
    expect(nameAt(cache, 0)).toBe('only');
    expect(cache.trackAt(2)).toBeNull();
  });

  it('drops the rows of a chunk that cannot be read, instead of reading it again and again', async () => {
    let attempts = 0;
    const cache = new TrackChunkCache([2], async () => {
      attempts++;
      throw new Error('The database connection is closing.');
    });
    await cache.load([0]);
    expect(cache.trackAt(0)).toBeNull();
    expect(cache.load([0, 1])).toBeNull();
    expect(attempts).toBe(1);
  });

  it('prefetches every chunk in order, yielding before each, until aborted', async () => {
    const { reads, readChunk } = library([2, 2, 2, 2]);
    const cache = new TrackChunkCache([2, 2, 2, 2], readChunk);
    await cache.load([2]);
    const controller = new AbortController();
    let idles = 0;
    await cache.prefetchAll(controller.signal, async () => {
      if (++idles === 3) controller.abort();
    });
    // Chunk 1 was read already; chunks 0 and 2 after an idle wait each; the third wait aborted.
    expect(reads).toEqual([1, 0, 2]);
    expect(cache.trackAt(7)).toBeUndefined();
  });
});
