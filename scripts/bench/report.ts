/**
 * The bench's output: one row per figure, printed as a table and written as JSON. A row is
 * within or over its budget, has no budget (measured for context), could not be measured yet
 * (the product does not expose what it needs), or failed (the bench itself broke).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Budget } from './budgets';

export type Verdict = 'within' | 'over' | 'info' | 'not measurable yet' | 'failed';

export interface BenchRow {
  figure: string;
  /** Tracks in the library measured; null when the figure does not depend on one. */
  size: number | null;
  /** The number, for the JSON; null when there is none. */
  value: number | null;
  unit: string;
  /** As printed: value and unit, or why there is none. */
  measured: string;
  budget: string;
  /** The budget as a number in `unit`, for the JSON; null without one. */
  limit: number | null;
  verdict: Verdict;
  notes: string;
  /** Further numbers for the JSON (times, counts, samples' spread). */
  details?: Record<string, number | string>;
}

export interface FigureInput {
  figure: string;
  size: number | null;
  value: number;
  unit: string;
  budget?: Budget | null;
  notes?: string;
  /** Digits after the point when printed. */
  digits?: number;
  details?: Record<string, number | string>;
}

export function figureRow(input: FigureInput): BenchRow {
  const { figure, size, value, unit, budget, notes = '', digits = 0, details } = input;
  return {
    figure,
    size,
    value,
    unit,
    measured: `${value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`,
    budget: budget?.text ?? '—',
    limit: budget?.limit ?? null,
    verdict: budget ? (value <= budget.limit ? 'within' : 'over') : 'info',
    notes,
    ...(details ? { details } : {}),
  };
}

/** A figure the product cannot show yet (a performance mark or page not built). */
export function notMeasurableRow(figure: string, size: number | null, budget: Budget | null | undefined, why: string): BenchRow {
  return {
    figure,
    size,
    value: null,
    unit: '',
    measured: '—',
    budget: budget?.text ?? '—',
    limit: budget?.limit ?? null,
    verdict: 'not measurable yet',
    notes: why,
  };
}

export function failedRow(figure: string, size: number | null, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return { figure, size, value: null, unit: '', measured: '—', budget: '—', limit: null, verdict: 'failed', notes: message.split('\n')[0]!.slice(0, 200) };
}

const COLUMNS = ['figure', 'size', 'measured', 'budget', 'verdict', 'notes'] as const;

function cell(row: BenchRow, column: (typeof COLUMNS)[number]): string {
  if (column === 'size') return row.size === null ? '' : `${row.size / 1000}k`;
  return row[column];
}

/** A plain text table, notes last so that long ones only run off the right edge. */
export function formatTable(rows: readonly BenchRow[]): string {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => cell(row, column).length)));
  const line = (cells: string[]) =>
    cells
      .map((text, index) => (index === cells.length - 1 ? text : text.padEnd(widths[index]!)))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((width, index) => '─'.repeat(index === widths.length - 1 ? Math.min(width, 40) : width)).join('─┼─');
  return [line([...COLUMNS]), rule, ...rows.map((row) => line(COLUMNS.map((column) => cell(row, column))))].join('\n');
}

export function summarize(rows: readonly BenchRow[]): string {
  const count = (verdict: Verdict) => rows.filter((row) => row.verdict === verdict).length;
  return `${count('within')} within budget, ${count('over')} over, ${count('not measurable yet')} not measurable yet, ${count('failed')} failed, ${count('info')} for context`;
}

export async function writeJson(path: string, report: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
