import { describe, expect, it } from 'vitest';
import { artistKey, creditKeys } from '../../../../lib/cross-site/matching/artist-key';

describe('artist keys', () => {
  it.each([
    ['The Beatles', 'Beatles'],
    ['AC/DC', 'AC DC'],
    ['JAY-Z', 'Jay Z'],
    ['Beyoncé', 'BEYONCE'],
    ['Adele - Topic', 'Adele'],
    ['AdeleVEVO', 'Adele'],
    ['Queen Official', 'Queen'],
    ['Sigur Rós', 'sigur ros'],
  ])('%s = %s', (a, b) => expect(artistKey(a)).toBe(artistKey(b)));

  it('keeps a credit whole and split', () => {
    expect(creditKeys('Simon & Garfunkel')).toEqual(['simongarfunkel', 'simon', 'garfunkel']);
    expect(creditKeys('Rihanna feat. Drake')).toEqual(['rihannafeatdrake', 'rihanna', 'drake']);
    expect(creditKeys('Lil Nas X')).toEqual(['lilnasx']);
    expect(creditKeys('Calvin Harris x Dua Lipa')).toEqual(['calvinharrisxdualipa', 'calvinharris', 'dualipa']);
  });
});
