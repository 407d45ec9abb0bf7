import { describe, expect, it } from 'vitest';
import { generateLibrary } from '../../stand-in/library';
import { pageJson } from '../../stand-in/page-json';
import type { PagingSavedTrackObject } from '../../stand-in/spotify-types';

describe('pageJson', () => {
  it('gives exactly what JSON.stringify gives, for generated, local, unplayable and odd items', () => {
    const saved = generateLibrary({ size: 3000, seed: 6 });
    const odd = [null, 7, { added_at: 'x', track: null }, { track: { name: 'no album' } }, { track: { album: null, available_markets: [] } }];
    const items = [...odd, ...saved];
    for (let offset = 0; offset < items.length; offset += 50) {
      const page: PagingSavedTrackObject = {
        href: 'h',
        items: items.slice(offset, offset + 50),
        limit: 50,
        next: null,
        offset,
        previous: offset ? 'p' : null,
        total: items.length,
      };
      expect(pageJson(page)).toBe(JSON.stringify(page));
    }
  });
});
