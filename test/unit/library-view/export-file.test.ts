import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { exportFileName, exportParts, type ExportFormat } from '../../../lib/library-view/export-file';
import { TRACK_CSV_COLUMNS, type ExportedTrack, type TrackCsvColumn } from '../../../lib/library-view/track-export';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { trackFromCsv, trackFromJson } from './export-readers';
import { generatedTracks, storedTrack } from './tracks';

const noPause = () => Promise.resolve();

async function exportText(format: ExportFormat, tracks: readonly StoredTrack[]): Promise<string> {
  const parts = await exportParts(format, tracks.length, (index) => tracks[index], { sliceSize: 7, pause: noPause });
  return parts.join('');
}

const hostile = [
  storedTrack({ name: '=HYPERLINK("http://evil.example","click")', artistNames: ['+cmd', '@at'] }),
  storedTrack({ name: '-1', album: { id: null, name: '=1+1', image: null, releaseDate: null } }),
  storedTrack({ name: 'Comma, "quote"\nand newline\r\nand CRLF', artistNames: ['Last, First'] }),
  storedTrack({ name: '<img src=x onerror=alert(1)>', artistNames: ['<b>bold</b>'] }),
  storedTrack({ name: '\u202Eevil\u202C and \u0007bell', isrc: null, isPlayable: null, explicit: true }),
  storedTrack({ name: "'=x", artistNames: [] }),
  storedTrack({ name: '名前 Ünïcödé 🎵', artistNames: ['坂本龍一'] }),
  storedTrack({
    id: null,
    uri: 'spotify:local:Artist:Album:%3Dlocal:180',
    name: '=local',
    artists: [{ id: null, name: 'Local Artist' }],
    album: { id: null, name: 'Local Album', image: null, releaseDate: null },
    isrc: null,
    isLocal: true,
    isPlayable: null,
  }),
  storedTrack({ name: 'x'.repeat(100_000) }),
];

describe('CSV export', () => {
  it.each([
    ['hostile names', hostile],
    ['the seeded stand-in library', generatedTracks(500)],
  ])('round-trips %s through papaparse', async (_, tracks) => {
    const csv = await exportText('csv', tracks);
    const parsed = Papa.parse<Record<TrackCsvColumn, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...TRACK_CSV_COLUMNS]);
    expect(parsed.data.map(trackFromCsv)).toEqual(tracks);
  });

  it('guards formula-leading cells', async () => {
    const csv = await exportText('csv', hostile.slice(0, 2));
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    expect(rows[0][2]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[0][3]).toBe("'+cmd; @at");
    expect(rows[1][2]).toBe("'-1");
    expect(rows[1][5]).toBe("'=1+1");
  });

  it('writes only a header for an empty view', async () => {
    expect(await exportText('csv', [])).toBe(`${TRACK_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('JSON export', () => {
  it.each([
    ['hostile names', hostile],
    ['the seeded stand-in library', generatedTracks(500)],
  ])('round-trips %s', async (_, tracks) => {
    const exported = JSON.parse(await exportText('json', tracks)) as ExportedTrack[];
    expect(exported.map(trackFromJson)).toEqual(tracks);
  });

  it('writes an empty array for an empty view', async () => {
    expect(JSON.parse(await exportText('json', []))).toEqual([]);
  });
});

describe('building the file in slices', () => {
  it('pauses between slices and reports progress', async () => {
    const tracks = generatedTracks(25);
    const pause = vi.fn(noPause);
    const progress: number[] = [];
    const parts = await exportParts('csv', tracks.length, (index) => tracks[index], {
      sliceSize: 10,
      pause,
      onProgress: (done) => progress.push(done),
    });
    expect(parts).toHaveLength(1 + 3);
    expect(pause).toHaveBeenCalledTimes(2);
    expect(progress).toEqual([10, 20, 25]);
  });

  it('stops when aborted', async () => {
    const tracks = generatedTracks(30);
    const controller = new AbortController();
    const building = exportParts('json', tracks.length, (index) => tracks[index], {
      sliceSize: 10,
      pause: noPause,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    await expect(building).rejects.toThrow();
  });

  it('names the file after the local date', () => {
    expect(exportFileName('csv', new Date(2026, 10, 27, 23, 59))).toBe('tracklight-saved-tracks-2026-11-27.csv');
    expect(exportFileName('json', new Date(2026, 0, 5))).toBe('tracklight-saved-tracks-2026-01-05.json');
  });
});
