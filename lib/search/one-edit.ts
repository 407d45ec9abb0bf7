import { isMarker } from './key-format';

/**
 * Whether `token` equals a prefix of the word at `start` in `text` with at most one edit —
 * an insertion, deletion, substitution or swap of two neighbours (optimal string alignment).
 * Returns where the matched prefix ends in `text`, or -1.
 *
 * Tokens never hold markers, so plain comparison stops at the word's end; only the edits
 * that consume a character of `text` must check that it is still in the word.
 */
export function oneEditPrefixEnd(token: string, text: string, start: number): number {
  const length = token.length;
  let same = 0;
  while (same < length && token.charCodeAt(same) === text.charCodeAt(start + same)) same++;
  if (same === length) return start + length;

  const at = start + same;
  const inWord = at < text.length && !isMarker(text.charCodeAt(at));
  const rest = length - same - 1;
  if (inWord && restMatches(token, same + 1, text, at + 1)) return at + 1 + rest;
  if (restMatches(token, same + 1, text, at)) return at + rest;
  if (inWord && restMatches(token, same, text, at + 1)) return at + 1 + rest + 1;
  if (
    inWord &&
    same + 1 < length &&
    token.charCodeAt(same) === text.charCodeAt(at + 1) &&
    token.charCodeAt(same + 1) === text.charCodeAt(at) &&
    restMatches(token, same + 2, text, at + 2)
  ) {
    return at + 1 + rest;
  }
  return -1;
}

function restMatches(token: string, from: number, text: string, at: number): boolean {
  for (let offset = 0; from + offset < token.length; offset++) {
    if (token.charCodeAt(from + offset) !== text.charCodeAt(at + offset)) return false;
  }
  return true;
}
