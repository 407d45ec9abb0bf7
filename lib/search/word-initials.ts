import { ALBUM_FIELD, ARTISTS_FIELD, TITLE_FIELD, fieldMarker, isUnsegmented } from './key-format';
import { exactGrade, WORST_GRADE } from './match-token';

/**
 * For each character that begins a marked word (key-format.ts), the positions of the keys
 * with such a word, in corpus order. A key that a query token matches has a word beginning
 * with the token's first character, so a first scan needs to look only at the keys on the
 * shortest of these lists. In scripts written without spaces (CJK, Thai…) words also begin
 * inside a run, unmarked: a token beginning with such a character has no list here.
 *
 * Without them the first letter of a query is the slowest keystroke at 100k keys: it scans
 * every key, where the second scans only the first one's matches. Measured in Node at 100k
 * keys, first letters e / t / a / s / i: 28 / 19 / 20 / 20 / 20 ms scanning every key, 11 / 10 /
 * 6 / 10 / 3 ms scanning the list; read off the ranked list, under 0.3 ms. The second letter
 * then scans the first one's list (5–7 ms for "lo", "mo").
 */
export interface WordInitials {
  /** Per character, the keys with a word beginning with it, in corpus order. */
  lists: ReadonlyMap<number, Int32Array>;
  /**
   * The same keys in the order a query of that one character ranks them (its grade, ties in
   * corpus order): such a query, a quarter of all keystrokes when queries are 4 letters long,
   * is answered without a scan.
   */
  ranked: ReadonlyMap<number, Int32Array>;
}

export function wordInitialsOf(keys: readonly string[]): WordInitials {
  const builder = new WordInitialsBuilder(keys);
  while (!builder.step(() => Infinity));
  return builder.result();
}

/**
 * Builds the lists a slice at a time (~100 ms for 100k keys in all, in Node, half of it
 * grading each word for the ranked lists), so that a page or worker can do it between other
 * work without holding it up.
 */
export class WordInitialsBuilder {
  // (character, key) pairs in key order, then a counting sort into one array per character.
  readonly #codes: number[] = [];
  readonly #positions: number[] = [];
  readonly #grades: number[] = [];
  readonly #counts = new Int32Array(CODE_UNITS);
  readonly #lastKey = new Int32Array(CODE_UNITS).fill(-1);
  #next = 0;

  constructor(private readonly keys: readonly string[]) {}

  /** Reads keys while `msLeft()` is positive, at least one slice; true once all are read. */
  step(msLeft: () => number): boolean {
    const { keys } = this;
    do {
      const end = Math.min(this.#next + SLICE_KEYS, keys.length);
      for (let position = this.#next; position < end; position++) this.#read(keys[position]!, position);
      this.#next = end;
    } while (this.#next < keys.length && msLeft() > 0);
    return this.#next >= keys.length;
  }

  #read(key: string, position: number): void {
    // Native indexOf per marker: a loop over every character was several times slower.
    for (const marker of FIELD_MARKERS) {
      for (let at = key.indexOf(marker); at !== -1; at = key.indexOf(marker, at + 1)) {
        const code = key.charCodeAt(at + 1);
        if (this.#lastKey[code] === position || Number.isNaN(code)) continue;
        this.#lastKey[code] = position;
        this.#counts[code]! += 1;
        this.#codes.push(code);
        this.#positions.push(position);
        this.#grades.push(exactGrade(key, String.fromCharCode(code)));
      }
    }
  }

  result(): WordInitials {
    const lists: Array<Int32Array | undefined> = new Array(CODE_UNITS);
    const gradesOf: Array<Uint8Array | undefined> = new Array(CODE_UNITS);
    const filled = new Int32Array(CODE_UNITS);
    const codes = this.#codes;
    for (let pair = 0; pair < codes.length; pair++) {
      const code = codes[pair]!;
      if (lists[code] === undefined) {
        lists[code] = new Int32Array(this.#counts[code]!);
        gradesOf[code] = new Uint8Array(this.#counts[code]!);
      }
      const at = filled[code]!++;
      lists[code]![at] = this.#positions[pair]!;
      gradesOf[code]![at] = this.#grades[pair]!;
    }
    const initials = { lists: new Map<number, Int32Array>(), ranked: new Map<number, Int32Array>() };
    lists.forEach((list, code) => {
      initials.lists.set(code, list!);
      initials.ranked.set(code, rankedByGrade(list!, gradesOf[code]!));
    });
    return initials;
  }
}

/** A counting sort on the grades, stable: equal grades keep corpus order, as a scan ranks them. */
function rankedByGrade(list: Int32Array, grades: Uint8Array): Int32Array {
  const starts = new Int32Array(WORST_GRADE + 2);
  for (const grade of grades) starts[grade + 1]! += 1;
  for (let grade = 1; grade < starts.length; grade++) starts[grade]! += starts[grade - 1]!;
  const ranked = new Int32Array(list.length);
  for (let at = 0; at < list.length; at++) ranked[starts[grades[at]!]!++] = list[at]!;
  return ranked;
}

const CODE_UNITS = 0x10000;
const SLICE_KEYS = 2000;
const FIELD_MARKERS = ([TITLE_FIELD, ARTISTS_FIELD, ALBUM_FIELD] as const).map(fieldMarker);

/**
 * The keys that can match every token (each has a word beginning with each token's first
 * character), from the shortest list; null when no token can use the lists.
 */
export function candidatesFor(initials: WordInitials, tokens: readonly string[]): Int32Array | null {
  let shortest: Int32Array | null = null;
  for (const token of tokens) {
    const code = token.charCodeAt(0);
    if (isUnsegmented(code)) continue;
    const list = initials.lists.get(code) ?? EMPTY;
    if (shortest === null || list.length < shortest.length) shortest = list;
  }
  return shortest;
}

/**
 * The answer to a query of one character that begins marked words, best first; null for any
 * other query (the scan answers those).
 */
export function rankedFor(initials: WordInitials, tokens: readonly string[]): Int32Array | null {
  if (tokens.length !== 1 || tokens[0]!.length !== 1) return null;
  const code = tokens[0]!.charCodeAt(0);
  return isUnsegmented(code) ? null : (initials.ranked.get(code) ?? EMPTY);
}

const EMPTY = new Int32Array(0);
