import { describe, expect, it } from 'vitest';
import { tabIdFromQuery } from '../../../lib/popup/tab-id';

describe('tabIdFromQuery', () => {
  it.each<[string, number | null]>([
    ['?tab=42', 42],
    ['?tab=0', 0],
    ['?x=1&tab=1234567', 1234567],
    ['', null],
    ['?tab=', null],
    ['?tab=-3', null],
    ['?tab=4.5', null],
    ['?tab=1e3', null],
    ['?tab=12345678901', null],
    ['?tab=abc', null],
  ])('%j', (query, tabId) => {
    expect(tabIdFromQuery(query)).toBe(tabId);
  });
});
