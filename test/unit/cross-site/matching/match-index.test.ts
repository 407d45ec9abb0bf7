import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchSiteTrack } from '../../../../lib/cross-site/matching/match-index';
import { generateLibrary } from '../../../stand-in/library';

// Its speed is a bench figure (`npm run bench -- --only internals`), not an assertion here.
describe('the match index at 100,000 tracks', () => {
  it('finds a saved song from a YouTube-style title every time', () => {
    const saved = generateLibrary({ size: 100_000, seed: 3 });
    const tracks = saved.flatMap((item) => {
      const track = item.track;
      return track ? [{ uri: track.uri, name: track.name, artists: track.artists, album: track.album, durationMs: track.duration_ms }] : [];
    });
    const index = buildMatchIndex(tracks);
    const sample = tracks[51_234];
    const match = matchSiteTrack(
      index,
      { title: `${sample.artists[0].name} - ${sample.name} (Official Video)`, artists: ['Some Channel'], titleMayNameArtist: true },
      { strict: false, excluded: new Set() },
    );
    expect(match).toMatchObject({ kind: 'saved', uri: sample.uri });
  });
});
