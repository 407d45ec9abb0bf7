import { NO_MATCH } from './match-token';

/**
 * The keys that matched the last query of one kind, in corpus order. When the next query only
 * narrows that one — the user typed on — every key it matches is among these, so only these
 * are scanned: typing "thunder" into the bench's 100k keys scans them all once, then the
 * 66,619 that match "t", the 46,219 that match "th", then 1,148, then 885.
 */
export class MatchSet {
  private heldTokens: readonly string[] | null = null;
  private positions: Int32Array | null = null;
  private count = 0;

  constructor(
    private readonly keys: readonly string[],
    /** Whether every key matching `next` also matches `held`. */
    private readonly narrows: (held: readonly string[], next: readonly string[]) => boolean,
  ) {}

  /**
   * Keeps the keys scoring other than NO_MATCH for `tokens`, writing each one's score at its
   * index in `scores`; returns how many.
   */
  refine(
    tokens: readonly string[],
    scoreOf: (key: string) => number,
    scores: Uint32Array,
    /** Positions that can match at all, in corpus order (word-initials.ts); null: every key. */
    candidates: Int32Array | null = null,
  ): number {
    const keys = this.keys;
    // Allocated on first use, so creating a search at popup open costs nothing.
    this.positions ??= new Int32Array(keys.length);
    const positions = this.positions;
    let count = 0;
    if (this.heldTokens !== null && this.narrows(this.heldTokens, tokens)) {
      // In place: the write index never passes the read index.
      for (let match = 0; match < this.count; match++) {
        const position = positions[match];
        const score = scoreOf(keys[position]);
        if (score === NO_MATCH) continue;
        positions[count] = position;
        scores[count++] = score;
      }
    } else if (candidates !== null) {
      for (let candidate = 0; candidate < candidates.length; candidate++) {
        const position = candidates[candidate];
        const score = scoreOf(keys[position]);
        if (score === NO_MATCH) continue;
        positions[count] = position;
        scores[count++] = score;
      }
    } else {
      for (let position = 0; position < keys.length; position++) {
        const score = scoreOf(keys[position]);
        if (score === NO_MATCH) continue;
        positions[count] = position;
        scores[count++] = score;
      }
    }
    this.heldTokens = tokens;
    this.count = count;
    return count;
  }

  /** The matched positions, valid up to the count the last `refine` returned. */
  get held(): Int32Array {
    return this.positions ?? new Int32Array(0);
  }
}
