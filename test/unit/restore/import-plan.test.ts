import { describe, expect, it } from 'vitest';
import type { ImportedRow } from '../../../lib/restore/import-file';
import { notRestorableCount, planImport, type ImportPlan } from '../../../lib/restore/import-plan';
import { callUris, sendingOrder, type RestoreCandidate } from '../../../lib/restore/restore-order';

const A = 'spotify:track:1GrLfs4TEvAZ86HVzXHchS';
const B = 'spotify:track:4uLU6hMCjMI75M1A2tKUQC';
const C = 'spotify:track:7oP8qR9sT0uV1wX2yZ3aB4';

let rowNumber = 0;
const row = (uri: string, addedAt = '2026-10-01T08:00:00Z', name = 'Song', artists = ['Band']): ImportedRow => ({
  row: ++rowNumber,
  uri,
  name,
  artists,
  addedAt,
});

function plan(rows: ImportedRow[], unreadable: number[] = []): ImportPlan {
  return planImport({ format: 'exportify-csv', rows, unreadable });
}

describe('sorting out an import', () => {
  it.each<{ name: string; rows: ImportedRow[]; notRestorable: ImportPlan['notRestorable']; reason?: RegExp; candidates: number }>([
    { name: 'a track', rows: [row(A)], notRestorable: { localFiles: 0, notTracks: 0, malformed: 0 }, candidates: 1 },
    {
      name: 'a local file',
      rows: [row('spotify:local:Me:Demos:Take+3:187')],
      notRestorable: { localFiles: 1, notTracks: 0, malformed: 0 },
      reason: /local file/,
      candidates: 0,
    },
    {
      name: 'an episode',
      rows: [row('spotify:episode:512ojhOuo1ktJprKbVcKyQ')],
      notRestorable: { localFiles: 0, notTracks: 1, malformed: 0 },
      reason: /a Spotify episode, not a track/,
      candidates: 0,
    },
    {
      name: 'an album',
      rows: [row('spotify:album:4aawyAB9vmqN3uQ7FjRGTy')],
      notRestorable: { localFiles: 0, notTracks: 1, malformed: 0 },
      reason: /album/,
      candidates: 0,
    },
    {
      name: 'a web link',
      rows: [row('https://open.spotify.com/track/1GrLfs4TEvAZ86HVzXHchS')],
      notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 },
      reason: /not a Spotify track URI/,
      candidates: 0,
    },
    {
      name: 'a formula',
      rows: [row(`=HYPERLINK("${A}")`)],
      notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 },
      reason: /not a Spotify track URI/,
      candidates: 0,
    },
    {
      name: 'an id too short',
      rows: [row('spotify:track:1GrLfs4TEvAZ86HVzXHch')],
      notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 },
      candidates: 0,
    },
    { name: 'no URI', rows: [row('')], notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 }, reason: /no Spotify URI/, candidates: 0 },
    { name: 'no date', rows: [row(A, '')], notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 }, reason: /no date/, candidates: 0 },
    {
      name: 'a date that is not one',
      rows: [row(A, 'yesterday')],
      notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 },
      reason: /“yesterday” is not a date/,
      candidates: 0,
    },
    { name: 'a month 13', rows: [row(A, '2026-13-01T00:00:00Z')], notRestorable: { localFiles: 0, notTracks: 0, malformed: 1 }, candidates: 0 },
    { name: 'a date with an offset', rows: [row(A, '2026-10-01T10:00:00+02:00')], notRestorable: { localFiles: 0, notTracks: 0, malformed: 0 }, candidates: 1 },
  ])('$name', ({ rows, notRestorable, reason, candidates }) => {
    const result = plan(rows);
    expect(result.notRestorable).toEqual(notRestorable);
    expect(result.candidates).toHaveLength(candidates);
    expect(result.total).toBe(rows.length);
    if (reason) expect(result.problems).toEqual([{ row: rows[0]!.row, reason: expect.stringMatching(reason) }]);
  });

  it('restores each track once and counts the rows that repeat one', () => {
    const rows = [row(A, '2026-10-03T00:00:00Z', 'First'), row(B), row(A, '2026-10-01T00:00:00Z', 'Again'), row(A)];
    const result = plan(rows);
    expect(result.candidates.map((candidate) => candidate.uri)).toEqual([A, B]);
    expect(result.candidates[0]).toEqual({ uri: A, label: 'First — Band', addedAt: '2026-10-03T00:00:00Z' });
    expect(result.duplicates).toBe(2);
    expect(result.total).toBe(4);
  });

  it('adds up: every row is a track to restore, a duplicate or a row that cannot be restored', () => {
    const rows = [row(A), row(A), row('spotify:local:x'), row('nonsense'), row(B), row('spotify:show:5CfCWKI5pZ28U0uOzXkDHe')];
    const result = plan(rows, [99]);
    expect(result.total).toBe(7);
    expect(result.candidates.length + result.duplicates + notRestorableCount(result)).toBe(result.total);
    expect(result.problems.map((problem) => problem.row)).toEqual([rows[2]!.row, rows[3]!.row, rows[5]!.row, 99]);
  });

  it('lists the first 20 problems by row and counts them all', () => {
    const rows = Array.from({ length: 30 }, () => row('bad'));
    const result = plan(rows, [1]);
    expect(result.notRestorable.malformed).toBe(31);
    expect(result.problems).toHaveLength(20);
    expect(result.problems[0]!.row).toBe(1);
  });

  it('labels tracks by title and artists, or by URI when the file names none', () => {
    const result = plan([row(A, undefined, '', []), row(B, undefined, 'x'.repeat(500), ['A', '', 'B'])]);
    expect(result.candidates[0]!.label).toBe(A);
    expect(result.candidates[1]!.label.length).toBeLessThanOrEqual(201);
    expect(result.candidates[1]!.label.endsWith('…')).toBe(true);
  });
});

describe('the order of a restore', () => {
  const candidate = (uri: string, addedAt: string): RestoreCandidate => ({ uri, label: uri, addedAt });

  it('saves the oldest first; same-second saves in the reverse of their listed order', () => {
    const newestFirst = [
      candidate(C, '2026-10-03T00:00:00Z'),
      candidate(B, '2026-10-02T00:00:00Z'),
      candidate('spotify:track:0aB1cD2eF3gH4iJ5kL6mN7', '2026-10-02T00:00:00Z'),
      candidate(A, '2024-01-01T00:00:00+05:00'),
    ];
    expect(sendingOrder(newestFirst).map((entry) => entry.uri)).toEqual([A, 'spotify:track:0aB1cD2eF3gH4iJ5kL6mN7', B, C]);
  });

  it('names the tracks of one call newest first', () => {
    expect(callUris([A, B, C])).toBe(`${C},${B},${A}`);
  });
});
