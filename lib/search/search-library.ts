import { tokenizeQuery } from './fold';
import { MatchSet } from './match-set';
import { allowsTypo } from './match-token';
import { exactScore, maxExactScore, maxTypoScore, typoQueryOf, typoScore } from './query-score';
import { pageSize, topPositions } from './top-positions';
import { candidatesFor, rankedFor, wordInitialsOf, type WordInitials } from './word-initials';

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
  /**
   * From now on, first scans look only at the keys these lists (word-initials.ts, built from
   * the same keys) allow, and a query of one letter is read off them. Results are the same
   * with or without them.
   */
  useWordInitials(initials: WordInitials): void;
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
  return held.every((heldToken) => next.some((token) => token.startsWith(heldToken) && allowsTypo(token) === allowsTypo(heldToken)));
}

/**
 * Search over the stored keys (`searchKeyOf`) in corpus order, newest saved first. Creating it
 * builds nothing — no index: a scan of 100k keys takes a few milliseconds (figures in
 * scripts/bench/search-engine.ts), and each search keeps its matches so that the next keystroke
 * scans only those. Word-initials lists, built apart when the page is idle, narrow the scans
 * that start afresh (`useWordInitials`).
 */
export function createLibrarySearch(keys: readonly string[]): LibrarySearch {
  const exactMatches = new MatchSet(keys, narrowsExact);
  const typoMatches = new MatchSet(keys, narrowsTypo);
  let scores: Uint32Array | null = null;
  let initials: WordInitials | null = null;

  return {
    size: keys.length,
    useWordInitials(built) {
      initials = built;
    },
    search(query, { limit }) {
      const tokens = tokenizeQuery(query);
      if (tokens.length === 0) {
        const positions = Array.from({ length: pageSize(limit, keys.length) }, (_, i) => i);
        return { positions, total: keys.length, kind: 'all' };
      }
      const ranked = initials && rankedFor(initials, tokens);
      if (ranked) {
        // The matches for the next keystroke are not kept: they are the same word-initials list.
        const positions = Array.from(ranked.subarray(0, pageSize(limit, ranked.length)));
        return { positions, total: ranked.length, kind: ranked.length > 0 ? 'exact' : 'none' };
      }
      scores ??= new Uint32Array(keys.length);

      // Longest first: the rarest token rejects most keys before the others are looked at.
      const rejectingFirst = [...tokens].sort((a, b) => b.length - a.length);
      const exactScoreOf = (key: string): number => exactScore(key, rejectingFirst);
      const candidates = initials && candidatesFor(initials, tokens);
      const exactTotal = exactMatches.refine(tokens, exactScoreOf, scores, candidates);
      if (exactTotal > 0) {
        const positions = topPositions(exactMatches.held, scores, exactTotal, maxExactScore(tokens.length), limit);
        return { positions, total: exactTotal, kind: 'exact' };
      }

      const typoQuery = typoQueryOf(tokens);
      if (typoQuery === null) return { positions: [], total: 0, kind: 'none' };
      const typoTotal = typoMatches.refine(tokens, (key) => typoScore(key, typoQuery), scores);
      if (typoTotal === 0) return { positions: [], total: 0, kind: 'none' };
      const positions = topPositions(typoMatches.held, scores, typoTotal, maxTypoScore(typoQuery), limit);
      return { positions, total: typoTotal, kind: 'typo' };
    },
  };
}

/** Keys the warm-up searches: enough for every path to run many times, few enough to take ~1 ms. */
const WARM_UP_KEYS = 3000;
/** A scan, a narrowing scan, a second token, and a typo the exact pass cannot match. */
const WARM_UP_QUERIES = ['e', 'er', 'er a', 'qzxjvwk'];

/**
 * Runs every path of the search over the first keys of a library, so that the JavaScript
 * engine has optimized it before the user's first keystroke. Measured in the popup at 10k
 * tracks: the first keystroke's search took 9.1 ms, the second 4.8 ms, later ones 0.4–2.6 ms.
 * A search of its own: the user's search keeps its state (its last matches). Without and
 * with word-initials lists, as the user's search runs both ways (before and after they are
 * built). Returns the kinds of outcome it saw.
 */
export function warmUpSearch(keys: readonly string[]): Set<SearchOutcome['kind']> {
  const search = createLibrarySearch(keys.slice(0, WARM_UP_KEYS));
  const kinds = new Set(WARM_UP_QUERIES.map((query) => search.search(query, { limit: 15 }).kind));
  search.useWordInitials(wordInitialsOf(keys.slice(0, WARM_UP_KEYS)));
  for (const query of WARM_UP_QUERIES) kinds.add(search.search(query, { limit: 15 }).kind);
  return kinds;
}
