import { describe, expect, it } from 'vitest';
import { isCanonicalTime, localDateOf, monthOfAddedAt } from '../../../lib/library-view/added-at';
import { generatedTracks } from './tracks';

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
