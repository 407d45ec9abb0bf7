import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, unguardCsvCell } from '../../../lib/library-view/csv';

describe('CSV cells', () => {
  it.each<[string | number | boolean | null, string]>([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [123, '123'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\rreturn', `"'\rreturn"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["'=already quoted", "''=already quoted"],
    ["'plain apostrophe", "'plain apostrophe"],
    ['a=b', 'a=b'],
    [' =spaced', ' =spaced'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 1, null, false])).toBe('a,1,,false\r\n');
  });

  const awkward = [
    '=cmd|" /C calc"!A0',
    '+SUM(1)',
    '-2',
    '@here',
    '\tx',
    '\rx',
    "'=x",
    "''=x",
    "'x",
    "'",
    '"',
    ',',
    '\n',
    'a,"b"\r\nc',
    '<script>alert(1)</script>',
    '\u202Egnp.exe',
    '\u0000\u0007 controls',
    'x'.repeat(100_000),
    '',
  ];

  it('reads back exactly through a real CSV parser', () => {
    const csv = awkward.map((text) => csvRow([text, text])).join('');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false });
    expect(parsed.errors).toEqual([]);
    const cells = parsed.data.slice(0, awkward.length).map((row) => row.map(unguardCsvCell));
    expect(cells).toEqual(awkward.map((text) => [text, text]));
  });

  it('leaves no cell a spreadsheet would evaluate', () => {
    const csv = awkward.map((text) => csvRow([text])).join('');
    const parsed = Papa.parse<string[]>(csv);
    for (const [cell] of parsed.data) {
      if (cell !== undefined) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
