import { describe, expect, it } from 'vitest';
import { createLibrarySearch } from '../../../lib/search/search-library';
import { searchKeyOf } from '../../../lib/search/search-key';
import { candidatesFor, rankedFor, wordInitialsOf, WordInitialsBuilder } from '../../../lib/search/word-initials';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { generateLibrary } from '../../stand-in/library';

describe('wordInitialsOf', () => {
  const keys = ['\u0001halo\u0002beyonce\u0003i\u0003am', '\u0001hello\u0002adele', '\u0001東京\u0002椎名林檎', '\u0001abba'];
  const initials = wordInitialsOf(keys);
  const list = (letter: string) => [...(initials.lists.get(letter.charCodeAt(0)) ?? [])];

  it('lists, for each first letter of a marked word, the keys that have one, each once', () => {
    expect(list('h')).toEqual([0, 1]);
    expect(list('a')).toEqual([0, 1, 3]);
    expect(list('i')).toEqual([0]);
    expect(list('b')).toEqual([0]);
    expect(list('東')).toEqual([2]);
    expect(list('x')).toEqual([]);
  });

  it('gives the shortest list among the tokens, none for a letter no word begins with, and no list for unspaced scripts', () => {
    expect([...candidatesFor(initials, ['a', 'be'])!]).toEqual([0]);
    expect([...candidatesFor(initials, ['xyz'])!]).toEqual([]);
    // 京 begins a word inside the run 東京, unmarked: the lists cannot speak for it.
    expect(candidatesFor(initials, ['京'])).toBeNull();
    expect([...candidatesFor(initials, ['京', 'h'])!]).toEqual([0, 1]);
  });

  it('ranks each list as a one-letter query does: title before artists before album, a whole word first, then corpus order', () => {
    const ranked = wordInitialsOf(['\u0001xa\u0002a', '\u0001b\u0002ab\u0003a', '\u0001ab\u0003x', '\u0001always\u0001a', '\u0001y\u0003a']);
    expect([...rankedFor(ranked, ['a'])!]).toEqual([3, 2, 0, 1, 4]);
    expect([...rankedFor(ranked, ['z'])!]).toEqual([]);
    expect(rankedFor(ranked, ['ab'])).toBeNull();
    expect(rankedFor(ranked, ['a', 'b'])).toBeNull();
    expect(rankedFor(initials, ['東'])).toBeNull();
  });
});

describe('a search with the word-initials lists', () => {
  const keys = generateLibrary({ size: 6000, seed: 31, now: Date.parse('2026-11-01T12:00:00Z') }).flatMap((item) => {
    const track = toStoredTrack(item);
    return track ? [searchKeyOf(track)] : [];
  });
  // Every first character of a word in the library, and a few that begin none.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: search keys separate their fields with \u0001–\u0003
  const FIELD_SEPARATORS = /[\u0001-\u0003]/;
  const letters = [
    ...new Set(
      keys.flatMap((key) =>
        key
          .split(FIELD_SEPARATORS)
          .filter(Boolean)
          .map((word) => word[0]!),
      ),
    ),
  ];
  const queries = [...letters, ...['x', 'ё', 'ß', '9', '#'], 'th', 'love', 'the b', 'b the', '東', '京', 'feat', 'remaster 20', 'zzzz', 'nght'];

  it('finds exactly what the plain scan finds, for every first letter in the library and more', () => {
    expect(letters.length).toBeGreaterThan(30);
    const plain = createLibrarySearch(keys);
    const prepared = createLibrarySearch(keys);
    prepared.useWordInitials(wordInitialsOf(keys));
    for (const query of queries) {
      for (const limit of [15, 500]) {
        expect(prepared.search(query, { limit }), `${query} (${limit})`).toEqual(plain.search(query, { limit }));
      }
    }
  });

  it('finds the same as the plain scan while typing on, and after starting over', () => {
    const plain = createLibrarySearch(keys);
    const prepared = createLibrarySearch(keys);
    prepared.useWordInitials(wordInitialsOf(keys));
    for (const typed of ['m', 'mi', 'mid', 'midn', '', 'e', 'e a', 'ea', 'l', 'lo', 'lov', 'love']) {
      expect(prepared.search(typed, { limit: 15 }), typed).toEqual(plain.search(typed, { limit: 15 }));
    }
  });
});

describe('WordInitialsBuilder', () => {
  const keys = Array.from({ length: 4500 }, (_, i) => `\u0001w${i % 7}\u0002${String.fromCharCode(97 + (i % 26))}x\u0003album`);

  it('reads a slice of keys per step while there is time, and builds the same lists as in one go', () => {
    const builder = new WordInitialsBuilder(keys);
    const steps = [];
    for (let done = false; !done; ) {
      done = builder.step(() => 0);
      steps.push(done);
    }
    // 2,000 keys a slice.
    expect(steps).toEqual([false, false, true]);
    expect(builder.result()).toEqual(wordInitialsOf(keys));
    expect([...wordInitialsOf(keys).lists.get('w'.charCodeAt(0))!]).toEqual(keys.map((_, i) => i));
  });
});
