import { endsWordAt, fieldAt, fieldOfMarker, isMarker, startsWordAt, startsWordInRunAt } from './key-format';
import { oneEditPrefixEnd } from './one-edit';

/**
 * How well one query token matches one search key, as a grade (lower is better):
 * `2 × field + (whole word ? 0 : 1)` with title 0, artists 1, album 2 — so title before
 * artists before album, and within a field a whole word before a prefix.
 *
 * These loops run once per key per keystroke. Measured at 100k keys (scripts/bench/search-engine.ts),
 * the native `indexOf` per key is most of the cost (~20–70 ns, more when the token's first
 * letter is common), so everything else here reads only the characters next to a match.
 */

export const NO_MATCH = -1;
export const WORST_GRADE = 5;

/** Shorter tokens match exactly only: one typo in "love" already finds "live", "lose", "dove". */
const TYPO_MIN_LETTERS = 5;

export function allowsTypo(token: string): boolean {
  return token.length >= TYPO_MIN_LETTERS && [...token].length >= TYPO_MIN_LETTERS;
}

/** The best grade among the words of `key` that `token` begins, or NO_MATCH. */
export function exactGrade(key: string, token: string): number {
  const length = token.length;
  let best = NO_MATCH;
  let bestField = 0;
  for (let at = key.indexOf(token); at !== -1; at = key.indexOf(token, at + 1)) {
    const before = key.charCodeAt(at - 1);
    const afterMarker = isMarker(before);
    let field: number;
    if (afterMarker) field = fieldOfMarker(before);
    else if (startsWordInRunAt(key, at)) field = fieldAt(key, at);
    else continue;
    // Matches come in key order, so the first one is in the best field: only a whole word
    // later in that same field can improve on it.
    if (best !== NO_MATCH && field > bestField) break;
    if (afterMarker && endsWordAt(key, at + length)) return 2 * field;
    if (best === NO_MATCH) {
      best = 2 * field + 1;
      bestField = field;
    }
  }
  return best;
}

/**
 * A token of 5+ letters prepared for the one-typo scan. One edit cannot touch both `head`
 * (the units before the middle one) and `tail` (those after it), so one of them occurs
 * unchanged: `head` right at the word start, `tail` at `tailOffset` from it, give or take the
 * one unit an insertion or deletion shifts. Native `indexOf` on them skips most keys.
 */
export interface TypoToken {
  text: string;
  head: string;
  tail: string;
  tailOffset: number;
}

export function typoTokenOf(token: string): TypoToken {
  const middle = token.length >> 1;
  return {
    text: token,
    head: token.slice(0, middle),
    tail: token.slice(middle + 1),
    tailOffset: middle + 1,
  };
}

/** Added to a grade won only with one typo, so any exact match of the token ranks first. */
export const CORRECTED = 8;

/**
 * The best result among the words of `key` that `token` begins exactly (its grade) or with
 * one typo (CORRECTED + a prefix grade), or NO_MATCH. Exact matches are among the `head`
 * candidates, so this needs no separate exact scan.
 */
export function oneEditGrade(key: string, token: TypoToken): number {
  let best = NO_MATCH;
  const head = token.head;
  for (let at = key.indexOf(head); at !== -1; at = key.indexOf(head, at + 1)) {
    if (!startsWordAt(key, at)) continue;
    const grade = candidateGrade(key, token.text, at);
    if (grade !== NO_MATCH && (best === NO_MATCH || grade < best)) best = grade;
  }
  // The tail finds only one-typo matches: it can improve on the head's only by an earlier field.
  if (best !== NO_MATCH && best < CORRECTED) return best;
  const tail = token.tail;
  for (let at = key.indexOf(tail); at !== -1; at = key.indexOf(tail, at + 1)) {
    const start = at - token.tailOffset;
    for (let candidate = Math.max(0, start - 1); candidate <= start + 1; candidate++) {
      if (!startsWordAt(key, candidate)) continue;
      const grade = candidateGrade(key, token.text, candidate);
      // Candidates come in key order, so the first is in the best field the tail can offer.
      if (grade !== NO_MATCH) return best === NO_MATCH || grade < best ? grade : best;
    }
  }
  return best;
}

function candidateGrade(key: string, token: string, start: number): number {
  const end = oneEditPrefixEnd(token, key, start);
  if (end === -1) return NO_MATCH;
  const field = fieldAt(key, start);
  if (!key.startsWith(token, start)) return CORRECTED + 2 * field + 1;
  return isMarker(key.charCodeAt(start - 1)) && endsWordAt(key, end) ? 2 * field : 2 * field + 1;
}
