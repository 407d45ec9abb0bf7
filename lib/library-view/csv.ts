/**
 * CSV as RFC 4180 has it (comma-separated, CRLF rows, quotes doubled inside quoted cells), with
 * one guard: a cell a spreadsheet would read as a formula — beginning with `=`, `+`, `-` or
 * `@` (SPEC §6), or tab or carriage return (OWASP's list for CSV injection) — is prefixed with
 * `'`, which spreadsheets show as text. Cells that begin with apostrophes and then one of
 * those are prefixed too, so taking one `'` off every cell that begins with apostrophes and
 * then one of those gives the original back: the export loses nothing (the tests read it so).
 */
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

const GUARDED = /^'+[=+\-@\t\r]/;

/** The inverse of the guard: the cell as it was before `csvCell` wrote it (import, tests). */
export function unguardCsvCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
