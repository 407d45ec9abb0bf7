/**
 * The one folding shared by stored search keys, queries and highlighting, so all three agree:
 * compatibility decomposition (NFKD: full-width "ＡＢＣ" → "abc", "ﬁ" → "fi", half-width kana
 * → full-width), combining marks stripped ("é" → "e", "й" → "и", "が" → "か"; Indic and Thai
 * vowel signs too — lossy, but the same on both sides), lower case, and the letters NFKD leaves
 * whole folded by hand ("ø" → "o", "ß" → "ss", "ł" → "l" …). Hangul syllables decompose into
 * jamo, so a syllable half-typed in an IME ("하" on the way to "한") already matches.
 *
 * Words are split at white space. Punctuation and symbols inside a word are dropped
 * ("AC/DC" → "acdc", "Don't" → "dont", "P!nk" → "pnk") but remembered as part boundaries;
 * control and format characters vanish without a trace (so search keys can use them as
 * separators).
 */

/** Internal marker for "punctuation here"; never leaves this module. */
const PART_BREAK = '\u0002';

/** Letters that NFKD does not decompose, folded to what a user types without the key. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ƒ: 'f',
  ς: 'σ',
};

const NOT_WORD_OR_SPECIAL = /[^\p{L}\p{N}]|[øæœßłđðþıħŧŋƒς]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const WHITE_SPACE = /^\s$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}]$/u;

function classifyOrSpecial(character: string): string {
  const special = SPECIAL_LETTERS[character];
  if (special !== undefined) return special;
  if (WHITE_SPACE.test(character)) return ' ';
  return INVISIBLE.test(character) ? '' : PART_BREAK;
}

function foldCodePointSlowly(codePoint: string): string {
  return codePoint.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_WORD_OR_SPECIAL, classifyOrSpecial);
}

const ASCII_FOLDED: readonly string[] = Array.from({ length: 0x80 }, (_, code) => foldCodePointSlowly(String.fromCharCode(code)));

/**
 * Non-ASCII code points fold through `normalize` and regular expressions, 0.5–0.8 µs each
 * (measured on CJK); a library repeats few distinct ones, so each is folded once. Bounded, so
 * that hostile names full of distinct characters cannot grow it without end.
 */
const nonAsciiFolded = new Map<string, string>();
const NON_ASCII_FOLDED_LIMIT = 20_000;

function foldNonAscii(codePoint: string): string {
  let folded = nonAsciiFolded.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePointSlowly(codePoint);
    if (nonAsciiFolded.size >= NON_ASCII_FOLDED_LIMIT) nonAsciiFolded.clear();
    nonAsciiFolded.set(codePoint, folded);
  }
  return folded;
}

export interface FoldedWord {
  /** The folded word with its inner punctuation dropped. */
  text: string;
  /** Offsets in `text` where a part begins after dropped punctuation: "ac/dc" → [2]. */
  partStarts: number[];
}

export interface SourcedFoldedWord extends FoldedWord {
  /** For each UTF-16 unit of `text`, where the character it came from begins in the input. */
  sourceStarts: number[];
  /** …and where it ends, including combining marks that followed it. */
  sourceEnds: number[];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Collects folded words from folded characters, one call per character. */
class WordCollector {
  readonly words: SourcedFoldedWord[] = [];
  private word = '';
  private partStarts: number[] = [];
  private sourceStarts: number[] = [];
  private sourceEnds: number[] = [];
  private partBreakPending = false;

  constructor(private readonly trackSources: boolean) {}

  /** A folded character (or an empty string for a vanished one) from input `[start, end)`. */
  add(folded: string, start: number, end: number): void {
    if (folded.length === 0 && this.trackSources && this.sourceEnds.length > 0) {
      // A stripped mark belongs to the letter before it: a highlight ending there covers it.
      this.sourceEnds[this.sourceEnds.length - 1] = end;
    }
    for (let unit = 0; unit < folded.length; unit++) {
      const character = folded[unit];
      if (character === ' ') {
        this.finishWord();
      } else if (character === PART_BREAK) {
        this.partBreakPending = this.word.length > 0;
      } else {
        if (this.partBreakPending) {
          this.partStarts.push(this.word.length);
          this.partBreakPending = false;
        }
        this.word += character;
        if (this.trackSources) {
          this.sourceStarts.push(start);
          this.sourceEnds.push(end);
        }
      }
    }
  }

  finishWord(): void {
    if (this.word.length > 0) {
      this.words.push({
        text: this.word,
        partStarts: this.partStarts,
        sourceStarts: this.sourceStarts,
        sourceEnds: this.sourceEnds,
      });
      this.partStarts = [];
      this.sourceStarts = [];
      this.sourceEnds = [];
    }
    this.word = '';
    this.partBreakPending = false;
  }
}

function collectWords(text: string, trackSources: boolean): SourcedFoldedWord[] {
  const collector = new WordCollector(trackSources);
  for (let start = 0; start < text.length; ) {
    const code = text.charCodeAt(start);
    const width = isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(start + 1)) ? 2 : 1;
    const end = start + width;
    const folded = code < 0x80 ? ASCII_FOLDED[code] : foldNonAscii(text.slice(start, end));
    collector.add(folded, start, end);
    start = end;
  }
  collector.finishWord();
  return collector.words;
}

export function foldWords(text: string): FoldedWord[] {
  return collectWords(text, false);
}

export function foldWordsWithSources(text: string): SourcedFoldedWord[] {
  return collectWords(text, true);
}

function wordTexts(words: readonly FoldedWord[]): string[] {
  const texts: string[] = [];
  for (const word of words) texts.push(word.text);
  return texts;
}

/** Folded words joined by single spaces: "Don't Stop (Live)" → "dont stop live". */
export function foldText(text: string): string {
  return wordTexts(foldWords(text)).join(' ');
}

/** The distinct folded words of a query, in the order typed. */
export function tokenizeQuery(query: string): string[] {
  return [...new Set(wordTexts(foldWords(query)))];
}
