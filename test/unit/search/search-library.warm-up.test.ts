import { describe, expect, it } from 'vitest';
import { warmUpSearch } from '../../../lib/search/search-library';
import { searchKeyOf } from '../../../lib/search/search-key';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { generateLibrary } from '../../stand-in/library';

const keys = generateLibrary({ size: 4000, seed: 12, now: Date.parse('2026-11-01T12:00:00Z') }).flatMap((item) => {
  const track = toStoredTrack(item);
  return track ? [searchKeyOf(track)] : [];
});

describe('warmUpSearch', () => {
  it('takes the exact and the typo pass', () => {
    // 'none' comes from the typo pass: its query has a token long enough for one typo.
    expect(warmUpSearch(keys)).toEqual(new Set(['exact', 'none']));
  });
});
