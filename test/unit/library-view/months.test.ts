import { describe, expect, it } from 'vitest';
import { formatMonth, monthGroups, monthIndexOfTime, monthStart } from '../../../lib/library-view/months';

// Mid-month times, so the test means the same in every time zone.
const month = (iso: string) => monthIndexOfTime(Date.parse(iso));

describe('months', () => {
  it('numbers months consecutively across years', () => {
    expect(month('2024-01-15T12:00:00Z') - month('2023-12-15T12:00:00Z')).toBe(1);
    expect(month('2024-01-15T12:00:00Z')).toBe(2024 * 12);
    expect(monthIndexOfTime(Number.NaN)).toBe(-1);
  });

  it('starts each month on its first day, local time', () => {
    const start = monthStart(month('2024-03-15T12:00:00Z'));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2024, 2, 1, 0]);
  });

  it('names a month', () => {
    expect(formatMonth(month('2024-03-15T12:00:00Z'), 'en-US')).toBe('March 2024');
  });

  it('counts tracks per month with running totals, empty months included', () => {
    const jan = month('2024-01-15T12:00:00Z');
    expect(monthGroups([jan + 3, jan, jan + 3, -1, jan + 1, jan + 3])).toEqual([
      { month: jan, count: 1, runningTotal: 1 },
      { month: jan + 1, count: 1, runningTotal: 2 },
      { month: jan + 2, count: 0, runningTotal: 2 },
      { month: jan + 3, count: 3, runningTotal: 5 },
    ]);
  });

  it.each([[[]], [[-1, -1]]])('has no months for %j', (months) => {
    expect(monthGroups(months)).toEqual([]);
  });
});
