/**
 * Search micro-benchmark (SPEC §8: keystroke to results p95 ≤ 4 ms at 10k tracks, ≤ 16 ms at
 * 100k — the search alone must leave room for rendering). Generates synthetic libraries of
 * mixed-script names, builds their keys as the sync would, then types queries letter by
 * letter into one search object, as the popup does, timing every keystroke. In Node, without
 * the DOM: `npm run bench` prints it beside the popup's keystroke figure, so that search time
 * and render time can be told apart.
 *
 *   npm run bench -- --only search
 */
import { performance } from 'node:perf_hooks';
import type { StoredTrack } from '../../lib/tracks/stored-track';
import { foldText, tokenizeQuery } from '../../lib/search/fold';
import { allowsTypo } from '../../lib/search/match-token';
import { searchKeyOf } from '../../lib/search/search-key';
import { createLibrarySearch, type LibrarySearch, type SearchOutcome } from '../../lib/search/search-library';
import { seededRandom } from './seeded-random';

export type BenchTrack = Pick<StoredTrack, 'name' | 'artists' | 'album'>;

export interface KeystrokeFigures {
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface SearchBenchFigures {
  size: number;
  /** `searchKeyOf` for the whole library, as the sync pays it once. */
  keyBuildMs: number;
  /** Average key length, and bytes as a structured clone stores them (1 a char if Latin-1). */
  keyCharsAverage: number;
  keyBytesAverage: number;
  /** `createLibrarySearch` at popup open. */
  createMs: number;
  /** Queries typed correctly, every keystroke. */
  exact: KeystrokeFigures;
  /** Queries with one typo, every keystroke. */
  typo: KeystrokeFigures;
  /** Only the keystrokes where the exact scan found nothing and the one-typo pass ran. */
  typoPass: KeystrokeFigures;
  /** Queries whose target track was among the results once fully typed, of all. */
  exactFound: [found: number, of: number];
  typoFound: [found: number, of: number];
}

const LIMIT = 50;
const QUERIES_PER_KIND = 40;

/** Frequent title words, roughly in the order they come up in song titles. */
const COMMON_WORDS = (
  "the you i me my a love of in to it on your we all be no don't for night baby heart what " +
  'time like one go this up down girl know way life just world never let good get back ' +
  'feel home dance come man can out with little day stay last away light so dream fire ' +
  'blue red new old summer rain sun moon star sky gold wild free young forever tonight ' +
  'morning midnight lonely broken sweet crazy happy angel ghost shadow paradise heaven ocean ' +
  'island river city street road song call run remember believe together alone again gone ' +
  'hold cold hot electric velvet thunder lightning storm wave wind kiss touch mountain desert'
).split(' ');

const SYLLABLES = (
  'ka lo mi ren ta vel dor sin tra ble mar kel zo pha gri sto lun ber an el or ix qua ste ry ' +
  'ne so la vi to mo ra den fal ris cor tem bu shi wen gar pol tix nor dru'
).split(' ');

const NAMED_ARTISTS = [
  'Beyoncé',
  'Sigur Rós',
  'Björk',
  'Motörhead',
  'MØ',
  'Røyksopp',
  'Céline Dion',
  'Françoise Hardy',
  'José González',
  'Ólafur Arnalds',
  'Édith Piaf',
  'Mötley Crüe',
  'Café Tacvba',
  'AC/DC',
  "Guns N' Roses",
  'P!nk',
  'Jay-Z',
  'R.E.M.',
  'Ke$ha',
  'Florence + the Machine',
  'Earth, Wind & Fire',
  'Panic! at the Disco',
  'Sinéad O’Connor',
  '坂本龍一',
  '宇多田ヒカル',
  '椎名林檎',
  '米津玄師',
  'あいみょん',
  'YOASOBI',
  '방탄소년단',
  '아이유',
  '블랙핑크',
  'Кино',
  'Земфира',
  'Сплин',
  'Ленинград',
  '周杰倫',
  '王菲',
  'Ｍｏｎｏ',
];

const SCRIPT_TITLES = [
  '夜に駆ける',
  '千本桜',
  '残酷な天使のテーゼ',
  '君の名は',
  'Lemon',
  '봄날',
  '밤편지',
  '사랑은',
  'Группа крови',
  'Звезда по имени Солнце',
  'Кукушка',
  '晴天',
  '月亮代表我的心',
  'Don’t Stop Me Now',
  "Don't Look Back in Anger",
  'Straße der Sehnsucht',
  'Ålesund',
  'Łódź Nocą',
  'Þú',
  'Déjà Vu',
];

const TITLE_SUFFIXES = [' - Remastered 2011', ' (Live)', ' - Radio Edit', ' (Acoustic)'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Words drawn with Zipf's law (weight 1/rank), as words in song titles are: a few very
 * common ones ("the", "love" in a few percent of titles), then a long tail.
 */
function zipfSampler(random: () => number, words: readonly string[]): () => string {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return words[low];
  };
}

function inventedWords(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, SYLLABLES)).join(''));
}

/**
 * A library of `size` tracks, newest first: Latin titles over a Zipf vocabulary of real and
 * invented words, some accented, some punctuated, some in Japanese, Korean, Chinese, Russian.
 */
export function syntheticLibrary(size: number, seed = 1): BenchTrack[] {
  const random = seededRandom(seed);
  const word = zipfSampler(random, [...COMMON_WORDS, ...inventedWords(random, 20_000)]);
  const phrase = (words: number): string => Array.from({ length: words }, () => capitalized(word())).join(' ');
  const artists = [...NAMED_ARTISTS, ...Array.from({ length: Math.max(50, Math.floor(size / 8)) }, () => phrase(1 + Math.floor(random() * 3)))];
  // Artists too follow Zipf's law: a few have hundreds of saved tracks.
  const artist = zipfSampler(random, artists);
  return Array.from({ length: size }, () => {
    let name = random() < 0.05 ? pick(random, SCRIPT_TITLES) : phrase(1 + Math.floor(random() * 5));
    if (random() < 0.15) name += pick(random, TITLE_SUFFIXES);
    const artistCount = random() < 0.2 ? 2 : 1;
    const trackArtists = Array.from({ length: artistCount }, () => ({ id: null, name: artist() }));
    const albumName = random() < 0.3 ? name : phrase(1 + Math.floor(random() * 4));
    return {
      name,
      artists: trackArtists,
      album: { id: null, name: albumName, image: null, releaseDate: null },
    };
  });
}

function wordsOf(track: BenchTrack): { title: string[]; artist: string[] } {
  return {
    title: foldText(track.name).split(' ').filter(Boolean),
    artist: foldText(track.artists[0].name).split(' ').filter(Boolean),
  };
}

function exactQueryFor(random: () => number, track: BenchTrack): string {
  const { title, artist } = wordsOf(track);
  const roll = random();
  if (roll < 0.5 && artist.length > 0) return `${pick(random, title)} ${artist[0]}`;
  if (roll < 0.75 && artist.length > 0) return artist.join(' ');
  return title.slice(0, 2).join(' ');
}

/** One random typo (swap, substitution, deletion, insertion) in a word of 6+ letters, or null. */
function typoQueryFor(random: () => number, track: BenchTrack): string | null {
  const { title, artist } = wordsOf(track);
  const long = [...title, ...artist].filter((word) => /^[a-z]{6,}$/.test(word));
  if (long.length === 0) return null;
  const word = pick(random, long);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const otherLetters = 'abcdefghijklmnopqrstuvwxyz'.replace(word[at], '');
  const letter = pick(random, [...otherLetters]);
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter + word.slice(at);
  }
}

function figuresOf(samples: number[]): KeystrokeFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return { keystrokes: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

interface TypedQueries {
  all: number[];
  typoPass: number[];
  found: number;
}

/** Whether a search that found nothing exactly went on to the one-typo pass. */
function ranTypoPass(query: string, outcome: SearchOutcome): boolean {
  if (outcome.kind === 'typo') return true;
  return outcome.kind === 'none' && tokenizeQuery(query).some(allowsTypo);
}

/** Types each query letter by letter after clearing the box; returns the keystroke times. */
function typeQueries(search: LibrarySearch, queries: Array<[query: string, target: number]>): TypedQueries {
  const typed: TypedQueries = { all: [], typoPass: [], found: 0 };
  for (const [query, target] of queries) {
    search.search('', { limit: LIMIT });
    for (let length = 1; length <= query.length; length++) {
      const typedSoFar = query.slice(0, length);
      const started = performance.now();
      const outcome = search.search(typedSoFar, { limit: LIMIT });
      const elapsed = performance.now() - started;
      typed.all.push(elapsed);
      if (ranTypoPass(typedSoFar, outcome)) typed.typoPass.push(elapsed);
    }
    // Untimed: is the target among all results, not only the first page?
    if (search.search(query, { limit: search.size }).positions.includes(target)) typed.found++;
  }
  return typed;
}

function queriesFor(tracks: readonly BenchTrack[], seed: number, make: (random: () => number, track: BenchTrack) => string | null): Array<[string, number]> {
  const random = seededRandom(seed);
  const queries: Array<[string, number]> = [];
  while (queries.length < QUERIES_PER_KIND) {
    const target = Math.floor(random() * tracks.length);
    const query = make(random, tracks[target]);
    if (query !== null && query.length > 0) queries.push([query, target]);
  }
  return queries;
}

function storedBytes(key: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Latin-1 is one byte a character, control characters included
  return /^[\u0000-\u00ff]*$/.test(key) ? key.length : 2 * key.length;
}

export function benchSearch(sizes: readonly number[]): SearchBenchFigures[] {
  // Warm the JIT on a small library, both paths, so that the first size measured is not the
  // compiler's. A cold popup pays that once: its first typo scans of 10k keys took 5–12 ms
  // here against 1.5 ms warm.
  const warmTracks = syntheticLibrary(2_000, 99);
  const warmSearch = createLibrarySearch(warmTracks.map(searchKeyOf));
  for (let round = 0; round < 3; round++) {
    typeQueries(warmSearch, queriesFor(warmTracks, 98 + round, exactQueryFor));
    typeQueries(warmSearch, queriesFor(warmTracks, 198 + round, typoQueryFor));
  }

  return sizes.map((size) => {
    const tracks = syntheticLibrary(size);
    let started = performance.now();
    const keys = tracks.map(searchKeyOf);
    const keyBuildMs = performance.now() - started;

    // The popup gets its keys from IndexedDB as structured clones: fresh flat strings.
    const storedKeys = structuredClone(keys);
    started = performance.now();
    const search = createLibrarySearch(storedKeys);
    const createMs = performance.now() - started;

    const exact = typeQueries(search, queriesFor(tracks, 7, exactQueryFor));
    const typo = typeQueries(search, queriesFor(tracks, 11, typoQueryFor));
    return {
      size,
      keyBuildMs,
      keyCharsAverage: keys.reduce((sum, key) => sum + key.length, 0) / size,
      keyBytesAverage: keys.reduce((sum, key) => sum + storedBytes(key), 0) / size,
      createMs,
      exact: figuresOf(exact.all),
      typo: figuresOf(typo.all),
      typoPass: figuresOf(typo.typoPass),
      exactFound: [exact.found, QUERIES_PER_KIND],
      typoFound: [typo.found, QUERIES_PER_KIND],
    };
  });
}

export function printSearchFigures(figures: readonly SearchBenchFigures[]): void {
  const ms = (value: number): string => value.toFixed(2);
  const keystrokes = (k: KeystrokeFigures): string => `${ms(k.p50Ms)} / ${ms(k.p95Ms)} (n=${k.keystrokes})`;
  const found = ([hits, of]: [number, number]): string => `${hits}/${of}`;
  const rows = figures.map((f) => ({
    tracks: f.size,
    'keys built ms': ms(f.keyBuildMs),
    'key chars / bytes': `${f.keyCharsAverage.toFixed(0)} / ${f.keyBytesAverage.toFixed(0)}`,
    'create ms': ms(f.createMs),
    'exact p50/p95 ms': keystrokes(f.exact),
    'typo queries p50/p95 ms': keystrokes(f.typo),
    'typo pass p50/p95 ms': keystrokes(f.typoPass),
    'found exact · typo': `${found(f.exactFound)} · ${found(f.typoFound)}`,
  }));
  console.table(rows);
  console.log('Budget, keystroke to results shown, p95: 4 ms at 10,000 tracks, 16 ms at 100,000.');
}
