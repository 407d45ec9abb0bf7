/**
 * Seeded randomness for the generated library: the same seed gives the same library on every
 * machine, so tests, the demo and the bench can name tracks by position.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** MurmurHash3's finalizer: a bijection on 32-bit integers that scatters every input bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a string (FNV-1a, then mixed), for colours and seeds derived from text. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** sfc32: small, fast, and good enough for test data; `Math.random` cannot be seeded. */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number, stream = 0) {
    this.#a = mix32(seed ^ 0x9e3779b9);
    this.#b = mix32(seed + 0x7f4a7c15);
    this.#c = mix32(stream ^ 0x6a09e667);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Exponentially distributed with the given mean: gaps between independent events. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/**
 * Spotify-like ids (22 base62 characters) from a seed and a counter.
 *
 * The first six characters encode `mix(seed, counter)` in full (62^6 > 2^32), and that is a
 * bijection of the counter, so one factory never repeats an id; the other sixteen only make
 * ids look like Spotify's.
 */
export class IdFactory {
  readonly #seedHash: number;
  /** One salt per trailing word, so the words differ although they hash the same counter. */
  readonly #wordSalts: readonly number[];
  #counter = 0;
  readonly #codes = new Array<number>(22).fill(0);
  readonly #hexCodes = new Array<number>(40).fill(0);

  constructor(seed: number) {
    this.#seedHash = mix32(seed ^ 0x2545f491);
    this.#wordSalts = [1, 2, 3, 4].map((word) => mix32(this.#seedHash + word));
  }

  next(): string {
    const counter = this.#counter++;
    const codes = this.#codes;
    writeBase62(codes, 0, mix32(mix32(counter) ^ this.#seedHash), 6);
    const spread = Math.imul(counter, 0x632be5ab);
    for (let word = 0; word < 4; word++) {
      writeBase62(codes, 6 + word * 4, mix32(spread ^ this.#wordSalts[word]!), 4);
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** Forty hex digits, like the hash in an i.scdn.co cover URL. */
  hex40(): string {
    const counter = this.#counter++;
    const codes = this.#hexCodes;
    for (let word = 0; word < 5; word++) {
      let value = mix32(counter * 5 + word + this.#seedHash);
      for (let digit = 7; digit >= 0; digit--) {
        codes[word * 8 + digit] = HEX_CODES[value & 15]!;
        value >>>= 4;
      }
    }
    return String.fromCharCode.apply(null, codes);
  }
}

// Ids are built from character codes rather than by concatenation, which leaves a string per
// character to the garbage collector.
const BASE62_CODES = Array.from(BASE62, (char) => char.charCodeAt(0));
const HEX_CODES = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));

function writeBase62(codes: number[], start: number, value: number, digits: number): void {
  let rest = value;
  for (let i = 0; i < digits; i++) {
    codes[start + i] = BASE62_CODES[rest % 62]!;
    rest = Math.floor(rest / 62);
  }
}
