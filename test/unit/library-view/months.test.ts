import { describe, expect, it } from 'vitest';
import { isCanonicalTime, localDateOf, monthOfAddedAt } from '../../../lib/library-view/added-at';
import { formatMonth, monthGroups, monthIndexOfTime, monthStart } from '../../../lib/library-view/months';
import { generatedTracks } from './tracks';

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

describe('dates of saved tracks', () => {
  it.each([
    ['2024-03-15T12:00:00Z', 2024 * 12 + 2],
    ['2024-12-20T00:00:00Z', 2024 * 12 + 11],
    ['not a time', -1],
  ])('puts %s in month %d', (addedAt, month) => {
    expect(monthOfAddedAt(addedAt)).toBe(month);
  });

  it('reads months near a month’s edge in local time, like the dates shown', () => {
    for (const addedAt of ['2024-03-31T23:30:00Z', '2024-04-01T00:30:00Z', '2024-02-28T23:59:59Z', '2024-03-01T00:00:00+05:30']) {
      const local = new Date(addedAt);
      expect(monthOfAddedAt(addedAt)).toBe(local.getFullYear() * 12 + local.getMonth());
    }
  });

  it('agrees with Date on every track of the seeded library', () => {
    const wrong = generatedTracks(3000).filter((track) => {
      const local = new Date(track.addedAt);
      return monthOfAddedAt(track.addedAt) !== local.getFullYear() * 12 + local.getMonth();
    });
    expect(wrong).toEqual([]);
  });

  it('shows the local date as YYYY-MM-DD', () => {
    const local = new Date('2024-03-15T12:00:00Z');
    expect(localDateOf('2024-03-15T12:00:00Z')).toBe(`2024-03-${String(local.getDate()).padStart(2, '0')}`);
    expect(localDateOf('garbage')).toBe('');
  });
});

describe('canonical times', () => {
  it.each([
    ['2024-03-15T10:00:00Z', true],
    ['2024-03-15T10:00:00.000Z', false],
    ['2024-03-15T10:00:00+01:00', false],
    ['2024-03-15 10:00:00Z', false],
    ['2024-0a-15T10:00:00Z', false],
    ['', false],
  ])('%s is canonical: %s', (time, canonical) => {
    expect(isCanonicalTime(time)).toBe(canonical);
  });
});
