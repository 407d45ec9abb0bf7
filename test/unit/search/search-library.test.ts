import { describe, expect, it } from 'vitest';
import { searchOver, track, type SearchableTrack } from './tracks';

const halo = track('Halo', 'Beyoncé', 'I Am... Sasha Fierce');

/** Whether `query` finds the one track. */
function finds(query: string, stored: SearchableTrack): boolean {
  return searchOver([stored]).search(query, { limit: 10 }).positions.length === 1;
}

describe('matching', () => {
  it.each([
    ['bey', halo],
    ['beyonce', halo],
    ['BEYONCÉ', halo],
    ['halo beyonce', halo],
    ['beyonce halo', halo],
    ['sasha', halo],
    ['i am', halo],
    ['acdc', track('Thunderstruck', 'AC/DC')],
    ['ac/dc', track('Thunderstruck', 'AC/DC')],
    ['dc', track('Thunderstruck', 'AC/DC')],
    ['ac dc', track('Thunderstruck', 'AC/DC')],
    ['dont', track("Don't Stop Me Now", 'Queen')],
    ["don't stop", track('Don’t Stop Me Now', 'Queen')],
    ['pnk', track('So What', 'P!nk')],
    ['jay z', track('99 Problems', 'Jay-Z')],
    ['99', track('99 Problems', 'Jay-Z')],
    ['rem', track('Losing My Religion', 'R.E.M.')],
    ['sigur ros', track('Hoppípolla', 'Sigur Rós')],
    ['ros sigur', track('Hoppípolla', 'Sigur Rós')],
    ['hoppipolla', track('Hoppípolla', 'Sigur Rós')],
    ['abc', track('ＡＢＣ')],
    ['ＡＢＣ', track('ABC')],
    ['fire', track('ﬁre')],
    ['strasse', track('Straße')],
    ['oystein', track('Øystein')],
    ['aether', track('Æther')],
    ['lodz', track('Łódź')],
    ['remastered 2011', track('Bohemian Rhapsody - Remastered 2011', 'Queen')],
    ['кино', track('Группа крови', 'Кино')],
    ['крови', track('Группа крови', 'Кино')],
    ['坂本', track('Merry Christmas Mr. Lawrence', '坂本龍一')],
    ['龍一', track('Merry Christmas Mr. Lawrence', '坂本龍一')],
    ['本龍', track('Merry Christmas Mr. Lawrence', '坂本龍一')],
    ['名は', track('君の名は')],
    ['ヒカル', track('First Love', '宇多田ヒカル')],
    ['방탄', track('봄날', '방탄소년단')],
    ['바', track('봄날', '방탄소년단')],
    ['ㅂ', track('봄날', '방탄소년단')],
    ['봄날', track('봄날', '방탄소년단')],
  ])('%j finds the track', (query, stored) => {
    expect(finds(query, stored)).toBe(true);
  });

  it.each([
    ['once', 'a word must start with the token', halo],
    ['alo', 'a word must start with the token', halo],
    ['halo adele', 'every token must match', halo],
    ['pink', 'punctuation is dropped, not guessed at', track('So What', 'P!nk')],
    ['ино', 'Cyrillic words are space-separated', track('Группа крови', 'Кино')],
    ['소년단', 'Hangul words are space-separated', track('봄날', '방탄소년단')],
    ['love', 'a word must start with the token', track('Glove')],
    ['sigur ross', 'a 4-letter token gets no typo', track('Hoppípolla', 'Sigur Rós')],
  ])('%j does not find the track: %s', (query, _, stored) => {
    expect(finds(query, stored)).toBe(false);
  });
});

describe('ranking', () => {
  it.each([
    ['title before artist before album', 'love', [track('A', 'B', 'Love Songs'), track('C', 'Love Inc'), track('Love Story', 'Taylor Swift')], [2, 1, 0]],
    ['whole word before prefix, in a field', 'love', [track('Lovely Day'), track('Love Me Do')], [1, 0]],
    ['the field before whole word: a title prefix beats an artist word', 'love', [track('X', 'Love'), track('Lovely Day')], [1, 0]],
    ['a whole word later in the same field counts', 'love', [track('Lovely Day'), track('Lovely Love')], [1, 0]],
    ['ties: newest saved first, which is corpus order', 'love', [track('Love A'), track('Love B'), track('Love C')], [0, 1, 2]],
    [
      'several tokens: the sum of their grades (0 + 0, 0 + 2, 4 + 0)',
      'hello adele',
      [track('Adele', 'X', 'Hello'), track('Hello', 'Adele'), track('Hello Adele')],
      [2, 1, 0],
    ],
    ['several tokens: equal sums keep corpus order (title prefix + prefix = whole + artist)', 'lov son', [track('Lovely Sonnet'), track('Lov', 'Son')], [0, 1]],
  ])('%s', (_, query, tracks, expected) => {
    expect(searchOver(tracks).search(query, { limit: 10 }).positions).toEqual(expected);
  });

  it('lists the newest saved tracks for an empty query', () => {
    const search = searchOver([track('A'), track('B'), track('C')]);
    expect(search.search('  ', { limit: 2 })).toEqual({ positions: [0, 1], total: 3, kind: 'all' });
  });

  it('counts every match but returns at most the limit', () => {
    const search = searchOver(Array.from({ length: 30 }, (_, i) => track(`Song ${i}`)));
    const outcome = search.search('song', { limit: 5 });
    expect(outcome).toEqual({ positions: [0, 1, 2, 3, 4], total: 30, kind: 'exact' });
    expect(search.search('song', { limit: Number.NaN }).positions).toEqual([]);
    expect(search.search('song', { limit: Infinity }).positions).toHaveLength(30);
    expect(search.size).toBe(30);
  });
});

describe('one-typo matches when nothing matches exactly', () => {
  const library = [
    track('Smells Like Teen Spirit', 'Nirvana', 'Nevermind'),
    track('Enter Sandman', 'Metallica', 'Metallica'),
    halo,
    track('Hallo Spaceboy', 'David Bowie', 'Outside'),
  ];

  it.each([
    ['beyocne', 2, 'swap'],
    ['beyonse', 2, 'substitution'],
    ['veyonce', 2, 'substitution of the first letter'],
    ['beyoce', 2, 'a letter missing'],
    ['beyyonce', 2, 'a letter too many'],
    ['metalica', 1, 'a letter missing, in artist and album'],
    ['nirvna', 0, 'a letter missing'],
    ['nirvna sm', 0, 'short tokens still match exactly'],
    ['spacebyo', 3, 'swap at the end'],
  ])('%j finds track %i (%s), flagged as typo', (query, position) => {
    const outcome = searchOver(library).search(query, { limit: 10 });
    expect(outcome.kind).toBe('typo');
    expect(outcome.positions).toContain(position);
  });

  it.each([
    ['halp', 'tokens under 5 letters get no typo'],
    ['beyocnee', 'two edits'],
    ['nirvna xy', 'the short token matches nothing'],
  ])('%j finds nothing (%s)', (query) => {
    expect(searchOver(library).search(query, { limit: 10 })).toEqual({
      positions: [],
      total: 0,
      kind: 'none',
    });
  });

  it('offers no typo matches while anything matches exactly', () => {
    const outcome = searchOver(library).search('hallo', { limit: 10 });
    expect(outcome).toEqual({ positions: [3], total: 1, kind: 'exact' });
  });

  it('ranks fewer corrected tokens first, then by the grade sum', () => {
    const tracks = [
      track('Beyonse Nirvna'), // two corrected
      track('Nirvana', 'Beyonse'), // one corrected: title whole 0 + artist 3
      track('Beyonce Nirvna'), // one corrected: title whole 0 + title 1
    ];
    expect(searchOver(tracks).search('beyonce nirvana', { limit: 10 }).positions).toEqual([2, 1, 0]);
  });
});

/** A small library of mixed words, deterministic, to compare narrowing with fresh scans. */
function mixedLibrary(): SearchableTrack[] {
  const words = [
    'love',
    'lovely',
    'glove',
    'night',
    'nights',
    'midnight',
    'the',
    'thunder',
    'thunderstruck',
    'beyoncé',
    'AC/DC',
    "don't",
    'sigur',
    'rós',
    'кино',
    '坂本龍一',
    '방탄소년단',
    'metallica',
    'nirvana',
    'hallo',
    'halo',
    'spaceboy',
    'ＡＢＣ',
    'straße',
    'x',
    'a',
  ];
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const word = (): string => words[Math.floor(next() * words.length)];
  const phrase = (): string => Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' ');
  return Array.from({ length: 300 }, () => track(phrase(), phrase(), next() < 0.3 ? '' : phrase()));
}

describe('incremental narrowing', () => {
  it('answers every keystroke as a fresh search would', () => {
    const library = mixedLibrary();
    const typed = searchOver(library);
    const sequences = [
      'love night',
      'thunderstruk',
      'thundrestruck',
      'lovely glvoe',
      'nirvna metallica',
      'ac dc',
      '坂本龍一',
      '방탄',
      'beyonce',
      'midnihgt',
      'a x',
      'hallo halo',
    ];
    for (const sequence of sequences) {
      const keystrokes = [...sequence].map((_, end) => sequence.slice(0, end + 1));
      // Type it, then erase it again: narrowing one way, full scans the other.
      for (const query of [...keystrokes, ...keystrokes.reverse()]) {
        const fresh = searchOver(library).search(query, { limit: 1000 });
        expect(typed.search(query, { limit: 1000 }), query).toEqual(fresh);
      }
    }
  });
});
