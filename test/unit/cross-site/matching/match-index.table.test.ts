import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchSiteTrack, type SongMatch } from '../../../../lib/cross-site/matching/match-index';
import { CASES, LIBRARY, type Expected, type MatchCase } from './match-table';

const index = buildMatchIndex(
  LIBRARY.map((track) => ({
    uri: track.key,
    name: track.name,
    artists: track.artists.map((name) => ({ name })),
    album: { name: track.album },
    durationMs: track.durationMs,
  })),
);

function describeMatch(match: SongMatch): Expected {
  if (match.kind === 'saved') return { saved: match.uri };
  if (match.kind === 'other-version') return { other: match.uri };
  return 'none';
}

function matchOf(row: MatchCase, strict: boolean): SongMatch {
  return matchSiteTrack(index, row.siteTrack, { strict, excluded: new Set() });
}

interface Tally {
  expectedSaved: number;
  found: number;
  falseMatches: number;
  correct: number;
}

function tally(strict: boolean): Tally {
  const result: Tally = { expectedSaved: 0, found: 0, falseMatches: 0, correct: 0 };
  for (const row of CASES) {
    const expected = row.expected;
    const got = describeMatch(matchOf(row, strict));
    const expectsSaved = typeof expected === 'object' && 'saved' in expected;
    if (expectsSaved) result.expectedSaved++;
    if (typeof got === 'object' && 'saved' in got) {
      if (expectsSaved && expected.saved === got.saved) result.found++;
      else result.falseMatches++;
    }
    if (JSON.stringify(got) === JSON.stringify(expected)) result.correct++;
  }
  return result;
}

describe('the match table', () => {
  it('has at least 60 title/artist pairs over every site', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((row) => row.site))).toEqual(new Set(['YouTube', 'last.fm', 'Genius', 'SoundCloud', 'Bandcamp']));
  });

  it.each(CASES.map((row) => [`${row.site}: ${row.siteTrack.title} — ${row.siteTrack.artists.join(', ')}`, row] as const))('%s', (_, row) => {
    expect(describeMatch(matchOf(row, false))).toEqual(row.expected);
  });

  it('makes no false match, with or without strict matching, and reports precision and recall', () => {
    const loose = tally(false);
    const strict = tally(true);
    const report = (name: string, { expectedSaved, found, falseMatches, correct }: Tally) =>
      `${name}: ${CASES.length} pairs, ${expectedSaved} saved songs; ✓ found ${found} (recall ${((found / expectedSaved) * 100).toFixed(1)} %), ` +
      `false ✓ ${falseMatches} (precision ${((found / Math.max(1, found + falseMatches)) * 100).toFixed(1)} %), rows exactly as expected ${correct}`;
    console.log(`${report('default', loose)}\n${report('strict ', strict)}`);
    expect(loose.falseMatches).toBe(0);
    expect(strict.falseMatches).toBe(0);
    expect(loose.found).toBe(loose.expectedSaved);
  });
});
