import { tokenizeQuery } from './fold';
import { MatchSet } from './match-set';
import { allowsTypo } from './match-token';
import {
  exactScore,
  maxExactScore,
  maxTypoScore,
  typoQueryOf,
  typoScore,
} from './query-score';
import { pageSize, topPositions } from './top-positions';

export interface SearchOptions {
  limit: number;
}

export interface SearchOutcome {
  /** Corpus positions, best first, at most `limit`. */
  positions: number[];
  /** How many tracks match in all. */
  total: number;
  /**
   * `all`: empty query, the newest saved tracks; `exact`: every token begins a word;
   * `typo`: nothing matched exactly, these match with one typo in tokens of 5+ letters
   * ("No exact matches — showing close ones"); `none`: nothing at all.
   */
  kind: 'all' | 'exact' | 'typo' | 'none';
}

export interface LibrarySearch {
  search(query: string, options: SearchOptions): SearchOutcome;
  readonly size: number;
}

/** Every key matching `next` matches `held` when each held token begins some new token. */
function narrowsExact(held: readonly string[], next: readonly string[]): boolean {
  return held.every((heldToken) => next.some((token) => token.startsWith(heldToken)));
}

/**
 * The same for the typo pass, except that a held token too short for a typo cannot stand for
 * a longer one that allows a typo ("nirv" matched exactly; "nirvn" may match "nirvana"
 * or "nurvn…" with one typo). Extending a 5+ letter token keeps within its one-typo matches:
 * dropping the last letters of a one-edit alignment leaves at most one edit.
 */
function narrowsTypo(held: readonly string[], next: readonly string[]): boolean {
  return held.every((heldToken) =>
    next.some(
      (token) => token.startsWith(heldToken) && allowsTypo(token) === allowsTypo(heldToken),
    ),
  );
}

/**
 * Search over the stored keys (`searchKeyOf`) in corpus order, newest saved first. Creating it
 * builds nothing — no index: a scan of 100k keys takes a few milliseconds (figures in
 * scripts/bench/search-engine.ts), and each search keeps its matches so that the next keystroke
 * scans only those.
 */
export function createLibrarySearch(keys: readonly string[]): LibrarySearch {
  const exactMatches = new MatchSet(keys, narrowsExact);
  const typoMatches = new MatchSet(keys, narrowsTypo);
  let scores: Uint32Array | null = null;

  return {
    size: keys.length,
    search(query, { limit }) {
      const tokens = tokenizeQuery(query);
      if (tokens.length === 0) {
        const positions = Array.from({ length: pageSize(limit, keys.length) }, (_, i) => i);
        return { positions, total: keys.length, kind: 'all' };
      }
      scores ??= new Uint32Array(keys.length);

      // Longest first: the rarest token rejects most keys before the others are looked at.
      const rejectingFirst = [...tokens].sort((a, b) => b.length - a.length);
      const exactScoreOf = (key: string): number => exactScore(key, rejectingFirst);
      const exactTotal = exactMatches.refine(tokens, exactScoreOf, scores);
      if (exactTotal > 0) {
        const positions = topPositions(
          exactMatches.held,
          scores,
          exactTotal,
          maxExactScore(tokens.length),
          limit,
        );
        return { positions, total: exactTotal, kind: 'exact' };
      }

      const typoQuery = typoQueryOf(tokens);
      if (typoQuery === null) return { positions: [], total: 0, kind: 'none' };
      const typoTotal = typoMatches.refine(tokens, (key) => typoScore(key, typoQuery), scores);
      if (typoTotal === 0) return { positions: [], total: 0, kind: 'none' };
      const positions = topPositions(
        typoMatches.held,
        scores,
        typoTotal,
        maxTypoScore(typoQuery),
        limit,
      );
      return { positions, total: typoTotal, kind: 'typo' };
    },
  };
}
