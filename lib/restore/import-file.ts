import { t } from '../i18n';
import Papa from 'papaparse';
import * as v from 'valibot';
import { formatCount } from '../format';
import { unguardCsvCell } from '../library-view/csv';
import { ARTIST_SEPARATOR, type TRACK_CSV_COLUMNS } from '../library-view/track-export';
import { EXPORTIFY_COLUMNS, splitExportifyArtists } from './exportify-columns';
import { MAX_RESTORE_TRACKS } from './restore-order';

/**
 * Reads an export file into rows, whatever made it: Tracklight's CSV or JSON
 * (lib/library-view/export-file.ts) or Exportify's CSV (exportify-columns.ts). Nothing here
 * judges a row (import-plan.ts does); a file that is not one of these is refused whole, with
 * an ImportFileError that says why.
 *
 * Cells are data: nothing is evaluated, a formula stays text. Tracklight's CSV guards cells a
 * spreadsheet would take for a formula with a leading `'` (lib/library-view/csv.ts): that `'`
 * is taken off again here.
 */

/**
 * Refused before reading: a CSV export of 100,000 tracks is about 30 MB, its JSON about 49 MB
 * (measured with the stand-in's library), so larger JSON exports should come as CSV.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** As many rows as a restore takes tracks. */
export const MAX_IMPORT_ROWS = MAX_RESTORE_TRACKS;

export type ImportFormat = 'tracklight-csv' | 'tracklight-json' | 'exportify-csv';

/** One track row of the file as written. */
export interface ImportedRow {
  /** 1-based place among the file's tracks (the header is not one). */
  row: number;
  uri: string;
  name: string;
  artists: string[];
  /** When it was saved, as the file says (not checked here). */
  addedAt: string;
}

export interface ParsedImport {
  format: ImportFormat;
  rows: ImportedRow[];
  /** Rows or items that hold no readable track at all (too few cells, a JSON item of another shape). */
  unreadable: number[];
}

/** The file as a whole cannot be used: nothing in it is sent. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** What every "not an export" message ends with; read when said, in the UI's language. */
const notAnExport = (): string => t('importErrors.notAnExport');

export async function readImportFile(file: Blob): Promise<ParsedImport> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportFileError(t('importErrors.tooBig', { size: megabytes(file.size), max: megabytes(MAX_IMPORT_BYTES) }));
  }
  return parseImportText(await file.text());
}

export function parseImportText(text: string): ParsedImport {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportFileError(`${t('importErrors.empty')} ${notAnExport()}`);
  // Text never holds NUL; a spreadsheet, an archive or an image does.
  if (body.slice(0, 4096).includes('\u0000')) throw new ImportFileError(`${t('importErrors.notText')} ${notAnExport()}`);
  const first = body.trimStart()[0];
  return first === '[' || first === '{' ? parseJson(body) : parseCsv(body);
}

const JsonTrack = v.object({
  uri: v.string(),
  added_at: v.string(),
  name: v.optional(v.string(), ''),
  artists: v.optional(v.array(v.object({ name: v.string() })), []),
});

function parseJson(body: string): ParsedImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ImportFileError(`${t('importErrors.badJson')} ${notAnExport()}`);
  }
  if (!Array.isArray(parsed)) {
    throw new ImportFileError(`${t('importErrors.notTracklightJson')} ${notAnExport()}`);
  }
  checkRowCount(parsed.length);
  const rows: ImportedRow[] = [];
  const unreadable: number[] = [];
  parsed.forEach((item, index) => {
    const track = v.safeParse(JsonTrack, item);
    if (!track.success) {
      unreadable.push(index + 1);
      return;
    }
    const { uri, added_at, name, artists } = track.output;
    rows.push({ row: index + 1, uri: uri.trim(), name, artists: artists.map((artist) => artist.name), addedAt: added_at.trim() });
  });
  return { format: 'tracklight-json', rows, unreadable };
}

/** Where a format keeps what an import needs, as column indexes. */
interface CsvLayout {
  format: Extract<ImportFormat, `${string}-csv`>;
  uri: number;
  addedAt: number;
  name: number;
  artists: number;
  cell: (raw: string) => string;
  splitArtists: (cell: string) => string[];
}

function parseCsv(body: string): ParsedImport {
  // Both formats use commas; guessing would split a file of other text at random.
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', skipEmptyLines: 'greedy' });
  const damaged = parsed.errors.find((error) => error.type === 'Quotes');
  if (damaged) {
    throw new ImportFileError(`${t('importErrors.unclosedQuote', { row: damaged.row ?? '?' })} ${notAnExport()}`);
  }
  const [header = [], ...records] = parsed.data;
  const layout = csvLayout(header.map((name) => name.trim()));
  checkRowCount(records.length);
  const needed = Math.max(layout.uri, layout.addedAt, layout.name, layout.artists) + 1;
  const rows: ImportedRow[] = [];
  const unreadable: number[] = [];
  records.forEach((cells, index) => {
    if (cells.length < needed) {
      unreadable.push(index + 1);
      return;
    }
    const at = (column: number) => (column < 0 ? '' : layout.cell(cells[column]!));
    rows.push({
      row: index + 1,
      uri: at(layout.uri).trim(),
      name: at(layout.name),
      artists: layout.splitArtists(at(layout.artists)),
      addedAt: at(layout.addedAt).trim(),
    });
  });
  return { format: layout.format, rows, unreadable };
}

function csvLayout(header: readonly string[]): CsvLayout {
  const tracklight = (column: (typeof TRACK_CSV_COLUMNS)[number]) => header.indexOf(column);
  if (tracklight('uri') >= 0 && tracklight('added_at') >= 0) {
    return {
      format: 'tracklight-csv',
      uri: tracklight('uri'),
      addedAt: tracklight('added_at'),
      name: tracklight('name'),
      artists: tracklight('artists'),
      cell: unguardCsvCell,
      splitArtists: (cell) => (cell === '' ? [] : cell.split(ARTIST_SEPARATOR)),
    };
  }
  const exportify = (names: readonly string[]) => header.findIndex((name) => names.includes(name));
  if (exportify(EXPORTIFY_COLUMNS.uri) >= 0 && exportify(EXPORTIFY_COLUMNS.addedAt) >= 0) {
    return {
      format: 'exportify-csv',
      uri: exportify(EXPORTIFY_COLUMNS.uri),
      addedAt: exportify(EXPORTIFY_COLUMNS.addedAt),
      name: exportify(EXPORTIFY_COLUMNS.name),
      artists: exportify(EXPORTIFY_COLUMNS.artists),
      cell: (raw) => raw,
      splitArtists: splitExportifyArtists,
    };
  }
  const shown = header
    .slice(0, 6)
    .map((name) => `“${name.slice(0, 40)}”`)
    .join(', ');
  throw new ImportFileError(`${t('importErrors.noColumns', { first: shown || t('importErrors.emptyRow') })} ${notAnExport()}`);
}

function checkRowCount(count: number): void {
  if (count === 0) throw new ImportFileError(t('importErrors.noTracks'));
  if (count > MAX_IMPORT_ROWS) {
    throw new ImportFileError(t('importErrors.tooManyRows', { count: formatCount(count), max: formatCount(MAX_IMPORT_ROWS) }));
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
