import { describe, expect, it } from 'vitest';
import { exportParts, type ExportFormat } from '../../../lib/library-view/export-file';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import {
  ImportFileError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseImportText,
  readImportFile,
  type ImportedRow,
  type ParsedImport,
} from '../../../lib/restore/import-file';
import { EXPORTIFY_2021_LOCAL_FILES, EXPORTIFY_CRYING_ROW, EXPORTIFY_HEADER } from '../../fixtures/exports/exportify-csv';

const CRYING: Omit<ImportedRow, 'row'> = {
  uri: 'spotify:track:1GrLfs4TEvAZ86HVzXHchS',
  name: 'Crying',
  artists: ['Six by Seven'],
  addedAt: '2020-07-19T09:24:39Z',
};

const track = (overrides: Partial<StoredTrack>): StoredTrack => ({
  id: '4uLU6hMCjMI75M1A2tKUQC',
  uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
  name: 'Never Gonna Give You Up',
  artists: [{ id: '0gxyHStUsqpMadRV0Di1Qt', name: 'Rick Astley' }],
  album: { id: '6XhjNHCyCDyyGJRM5mg40G', name: 'Whenever You Need Somebody', image: null, releaseDate: '1987-11-12' },
  durationMs: 213_573,
  explicit: false,
  isrc: 'GBARL9300135',
  addedAt: '2026-10-01T08:00:00Z',
  isLocal: false,
  isPlayable: true,
  ...overrides,
});

/** What a spreadsheet would take for formulas, in every field a row is read from. */
const HOSTILE = track({
  id: '0aB1cD2eF3gH4iJ5kL6mN7',
  uri: 'spotify:track:0aB1cD2eF3gH4iJ5kL6mN7',
  name: '=HYPERLINK("http://evil.example","click")',
  artists: [
    { id: null, name: '+SUM(A1)' },
    { id: null, name: "'@already quoted" },
  ],
  addedAt: '2026-09-30T23:59:59Z',
});
const LOCAL = track({ id: null, uri: 'spotify:local:Me:Demos:-take+3:187', name: '-take 3', artists: [{ id: null, name: 'Me' }], isLocal: true });

async function tracklightExport(format: ExportFormat, tracks: StoredTrack[]): Promise<string> {
  return (await exportParts(format, tracks.length, (index) => tracks[index]!, { pause: async () => undefined })).join('');
}

const rowsOf = (parsed: ParsedImport) => parsed.rows.map(({ row: _row, ...rest }) => rest);

describe('reading export files', () => {
  it.each<{ name: string; text: string; format: ParsedImport['format']; rows: Array<Omit<ImportedRow, 'row'>> }>([
    { name: "Exportify's own header and row", text: `${EXPORTIFY_HEADER}\n${EXPORTIFY_CRYING_ROW}\n`, format: 'exportify-csv', rows: [CRYING] },
    {
      name: 'Exportify in German, with a byte order mark and CRLF',
      text: `\uFEFF"Track-URI","Track-Name","Künstlername(n)","Hinzugefügt am"\r\n"${CRYING.uri}","Crying","Six by Seven","${CRYING.addedAt}"\r\n`,
      format: 'exportify-csv',
      rows: [CRYING],
    },
    {
      name: 'Exportify before 2018 ("Spotify URI")',
      text: `"Spotify URI","Track Name","Artist Name","Album Name","Added By","Added At"\n"${CRYING.uri}","Crying","Six by Seven","Best of","","${CRYING.addedAt}"\n`,
      format: 'exportify-csv',
      rows: [CRYING],
    },
    {
      name: "Exportify's 2021 local files",
      text: EXPORTIFY_2021_LOCAL_FILES,
      format: 'exportify-csv',
      rows: [
        {
          uri: 'spotify:local:The+Waymores:Heart+of+Stone:Heart+of+Stone:128',
          name: 'Heart of Stone',
          artists: ['The Waymores'],
          addedAt: '2021-02-24T06:12:40Z',
        },
        {
          uri: 'spotify:local:Charlie+Marie:Heard+It+Through+The+Red+Wine:Heard+It+Through+The+Red+Wine:227',
          name: 'Heard It Through The Red Wine',
          artists: ['Charlie Marie'],
          addedAt: '2021-02-24T06:12:40Z',
        },
      ],
    },
    {
      name: "Exportify's escaped commas between artist names",
      text: `"Track URI","Track Name","Artist Name(s)","Added At"\n"${CRYING.uri}","Ohio","Crosby\\, Stills\\, Nash & Young, Neil Young","${CRYING.addedAt}"\n`,
      format: 'exportify-csv',
      rows: [{ ...CRYING, name: 'Ohio', artists: ['Crosby, Stills, Nash & Young', 'Neil Young'] }],
    },
    {
      name: 'Exportify formula cells, kept as text',
      text: `"Track URI","Track Name","Artist Name(s)","Added At"\n"${CRYING.uri}","=1+1","@me, -minus","${CRYING.addedAt}"\n"=spotify:track:1GrLfs4TEvAZ86HVzXHchS","x","y","${CRYING.addedAt}"\n`,
      format: 'exportify-csv',
      rows: [
        { ...CRYING, name: '=1+1', artists: ['@me', '-minus'] },
        { uri: '=spotify:track:1GrLfs4TEvAZ86HVzXHchS', name: 'x', artists: ['y'], addedAt: CRYING.addedAt },
      ],
    },
    {
      name: 'a CSV whose columns come in another order, with blank lines',
      text: `added_at,name,uri\n\n${CRYING.addedAt},Crying,${CRYING.uri}\n\n`,
      format: 'tracklight-csv',
      rows: [{ ...CRYING, artists: [] }],
    },
  ])('$name', ({ text, format, rows }) => {
    const parsed = parseImportText(text);
    expect(parsed.format).toBe(format);
    expect(rowsOf(parsed)).toEqual(rows);
    expect(parsed.rows.map((row) => row.row)).toEqual(rows.map((_, index) => index + 1));
    expect(parsed.unreadable).toEqual([]);
  });

  it.each<ExportFormat>(['csv', 'json'])("reads Tracklight's own %s export back, formula guards taken off", async (format) => {
    const tracks = [track({}), HOSTILE, LOCAL];
    const parsed = parseImportText(await tracklightExport(format, tracks));
    expect(parsed.format).toBe(`tracklight-${format}`);
    expect(rowsOf(parsed)).toEqual(
      tracks.map((stored) => ({ uri: stored.uri, name: stored.name, artists: stored.artists.map((artist) => artist.name), addedAt: stored.addedAt })),
    );
  });

  it('counts rows too short to hold a track, and JSON items of another shape, as unreadable', () => {
    const csv = parseImportText(`"Track URI","Track Name","Added At"\n"${CRYING.uri}","Crying","${CRYING.addedAt}"\n"just one cell"\n`);
    expect(csv.unreadable).toEqual([2]);
    expect(csv.rows).toHaveLength(1);
    const json = parseImportText(JSON.stringify([{ uri: CRYING.uri, added_at: CRYING.addedAt, name: 'Crying', artists: [] }, 'text', { uri: 3 }, null]));
    expect(json.rows.map((row) => row.uri)).toEqual([CRYING.uri]);
    expect(json.unreadable).toEqual([2, 3, 4]);
  });

  it.each<[string, string, RegExp]>([
    ['an empty file', '  \n', /empty/],
    ['a binary file', 'PK\u0003\u0004\u0000\u0000zip', /not a text file/],
    ['broken JSON', '[{"uri": "spotify:track:1GrLfs4TEvAZ86HVzXHchS", "added_', /not valid JSON/],
    ['JSON that is not a list', '{"tracks": []}', /list of tracks/],
    ['a CSV of other columns', 'Title,Artist,Album\nCrying,Six by Seven,Best of\n', /columns of an export.*“Title”, “Artist”, “Album”/],
    ['Exportify without its date column', `"Track URI","Track Name"\n"${CRYING.uri}","Crying"\n`, /columns of an export/],
    ['prose', 'Dear diary, today I removed all my liked songs.\nOops.\n', /columns of an export/],
    ['a quoted cell that never ends', `"Track URI","Added At"\n"${CRYING.uri}","2020-07-19\n`, /never ends/],
    ['a header alone', `${EXPORTIFY_HEADER}\n`, /no tracks/],
  ])('refuses %s, saying why', (_name, text, message) => {
    expect(() => parseImportText(text)).toThrow(ImportFileError);
    expect(() => parseImportText(text)).toThrow(message);
  });

  it('refuses more rows than a library holds', () => {
    const row = `${CRYING.addedAt},${CRYING.uri}\n`;
    expect(() => parseImportText(`added_at,uri\n${row.repeat(MAX_IMPORT_ROWS + 1)}`)).toThrow(/100,001 rows/);
    expect(parseImportText(`added_at,uri\n${row.repeat(MAX_IMPORT_ROWS)}`).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('refuses a 50 MB file before reading it', async () => {
    let read = false;
    const huge = {
      size: 50 * 1000 * 1000,
      text: async () => {
        read = true;
        return '';
      },
    } as unknown as Blob;
    await expect(readImportFile(huge)).rejects.toThrow(/48 MB; Tracklight reads files up to 40 MB/);
    expect(read).toBe(false);
    expect(MAX_IMPORT_BYTES).toBeLessThan(50 * 1000 * 1000);
    const small = new Blob([`${EXPORTIFY_HEADER}\n${EXPORTIFY_CRYING_ROW}\n`]);
    expect(rowsOf(await readImportFile(small))).toEqual([CRYING]);
  });
});
