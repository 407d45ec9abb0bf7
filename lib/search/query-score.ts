import { NO_MATCH, WORST_GRADE, allowsTypo, CORRECTED, exactGrade, oneEditGrade, typoTokenOf, type TypoToken } from './match-token';

/**
 * A key's score for a whole query; lower ranks first, ties keep corpus order (newest saved
 * first). Exact: the sum of the tokens' grades (see `match-token.ts`). A sum, rather than
 * comparing grades token by token, weighs every token alike: for "hello adele" a title with
 * both words scores 0 + 0, "Hello" by Adele 0 + 2, "Adele" on the album "Hello" 4 + 0.
 */
export function exactScore(key: string, tokens: readonly string[]): number {
  let score = 0;
  for (const token of tokens) {
    const grade = exactGrade(key, token);
    if (grade === NO_MATCH) return NO_MATCH;
    score += grade;
  }
  return score;
}

export function maxExactScore(tokenCount: number): number {
  return WORST_GRADE * tokenCount;
}

/**
 * The one-typo pass: tokens under 5 letters must still match exactly, longer ones may match
 * with one typo each. Score = corrected tokens × `correctionWeight` + Σ grades, the weight
 * exceeding any grade sum, so a key needing fewer corrections always ranks first.
 */
export interface TypoQuery {
  exactTokens: string[];
  typoTokens: TypoToken[];
  correctionWeight: number;
}

/** The typo pass for `tokens`, or null when no token is long enough to allow a typo. */
export function typoQueryOf(tokens: readonly string[]): TypoQuery | null {
  const typoTokens = tokens.filter(allowsTypo).map(typoTokenOf);
  if (typoTokens.length === 0) return null;
  return {
    exactTokens: tokens.filter((token) => !allowsTypo(token)),
    typoTokens,
    correctionWeight: maxExactScore(tokens.length) + 1,
  };
}

export function typoScore(key: string, query: TypoQuery): number {
  let score = exactScore(key, query.exactTokens);
  if (score === NO_MATCH) return NO_MATCH;
  for (const token of query.typoTokens) {
    const grade = oneEditGrade(key, token);
    if (grade === NO_MATCH) return NO_MATCH;
    score += grade < CORRECTED ? grade : query.correctionWeight + grade - CORRECTED;
  }
  return score;
}

export function maxTypoScore(query: TypoQuery): number {
  const tokenCount = query.exactTokens.length + query.typoTokens.length;
  return query.correctionWeight * query.typoTokens.length + maxExactScore(tokenCount);
}
