import { describe, expect, it } from 'vitest';
import { searchKeyOf } from '../../../lib/search/search-key';
import { track } from './tracks';

describe('searchKeyOf', () => {
  it.each([
    ['marks every word with its field', track('Halo', 'Beyoncé', 'I Am... Sasha Fierce'), '\u0001halo\u0002beyonce\u0003i\u0003am\u0003sasha\u0003fierce'],
    [
      'keeps all artists in one field',
      track('Empire State of Mind', ['Jay-Z', 'Alicia Keys'], 'The Blueprint 3'),
      '\u0001empire\u0001state\u0001of\u0001mind\u0002jayz\u0002z\u0002alicia\u0002keys' + '\u0003the\u0003blueprint\u00033',
    ],
    [
      'adds the parts after inner punctuation',
      track('Thunderstruck', 'AC/DC', 'The Razors Edge'),
      '\u0001thunderstruck\u0002acdc\u0002dc\u0003the\u0003razors\u0003edge',
    ],
    ['leaves out an album named like the title', track('Halo', 'Beyoncé', 'HALO'), '\u0001halo\u0002beyonce'],
    ['survives empty fields', track('', [], ''), ''],
    ['drops control characters from input', track('a\u0001b\u0002c', 'x'), '\u0001abc\u0002x'],
  ])('%s', (_, stored, key) => {
    expect(searchKeyOf(stored)).toBe(key);
  });

  it('stays small: a typical track costs a few dozen characters', () => {
    const key = searchKeyOf(track("Don't Stop Me Now - Remastered 2011", 'Queen', 'Jazz'));
    expect(key.length).toBeLessThan(60);
  });

  it('adds each part once, so a hostile "a/a/a/…" name grows the key linearly', () => {
    expect(searchKeyOf(track('R.E.M.'))).toBe('\u0001rem\u0001e\u0001m');
    const huge = 'ab/'.repeat(333_334);
    expect(searchKeyOf(track(huge, huge, huge)).length).toBeLessThan(3 * 3 * huge.length);
  });
});
