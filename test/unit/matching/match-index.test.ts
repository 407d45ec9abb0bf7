import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchPageTrack } from '../../../lib/matching/match-index';
import { generateLibrary } from '../../stand-in/library';

describe('the match index at 100,000 tracks', () => {
  it('builds in well under the time a page takes to load and matches in about a millisecond', () => {
    const saved = generateLibrary({ size: 100_000, seed: 3 });
    const tracks = saved.flatMap((item) => {
      const track = item.track;
      return track ? [{ uri: track.uri, name: track.name, artists: track.artists, album: track.album, durationMs: track.duration_ms }] : [];
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const index = buildMatchIndex(tracks);
    const buildMs = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

    const sample = tracks[51_234];
    const matchStarted = performance.now();
    const rounds = 200;
    let found = 0;
    for (let round = 0; round < rounds; round++) {
      const match = matchPageTrack(index, { title: `${sample.artists[0].name} - ${sample.name} (Official Video)`, artists: ['Some Channel'], titleMayNameArtist: true }, { strict: false, excluded: new Set() });
      if (match.kind === 'saved') found++;
    }
    const matchMs = (performance.now() - matchStarted) / rounds;
    console.log(
      `match index, ${tracks.length} tracks: built in ${buildMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB of heap; ` +
        `a YouTube-style page matched in ${matchMs.toFixed(2)} ms`,
    );
    expect(found).toBe(rounds);
    expect(buildMs).toBeLessThan(10_000);
  });
});
