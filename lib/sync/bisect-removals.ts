import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import type { CachedOrder } from './cached-order';
import { fetchPage, type FetchedPage } from './fetched-page';
import { runPagePool } from './page-pool';
import type { SyncContext } from './sync-context';

/** A slot seen on the server: where its page puts it, and where the cache has it. */
export interface Anchor {
  /** The page's offset plus the slot's index among the items the page returned. */
  server: number;
  /**
   * How many places later it may truly stand: the page's unavailable places (its shortfall),
   * which Spotify leaves out wherever they are in the page. 0 for a page that came back whole.
   */
  slack: number;
  cached: number;
}

/** Slots one contiguous read saw, in server order: each the next item the server returns after the one before. */
export interface Run {
  anchors: readonly Anchor[];
  /** The read began at offset 0 and every slot before the first anchor was a new save. */
  fromStart: boolean;
  /** The read reached the end of the list: nothing after its last anchor. */
  toEnd: boolean;
}

export type RemovalSearch =
  | { kind: 'found'; removed: number[]; probes: number }
  /** The next round would exceed `maxProbes`: reading everything is cheaper. */
  | { kind: 'too-costly' }
  /** A page reported another total, or put a slot elsewhere than before: the list moved under us, start over. */
  | { kind: 'changed' }
  /** The pages contradict the cache (unknown slot in the middle, order differs): re-sync fully. */
  | { kind: 'inconsistent' };

/** A slot seen on the server (or one of the two ends of the list), in cached order. */
interface Observation extends Anchor {
  /** Cached position of the slot a read returned right after it; the end of the list is `order.keys.length`. */
  next?: number;
}

/**
 * Finds which cached slots are gone without reading the library again (issue #3).
 *
 * The list is ordered and only ever gains slots at the head, so between two slots seen on the
 * server at positions s1 < s2, with cached positions c1 < c2, exactly (c2 − c1) − (s2 − s1)
 * cached slots were removed. An interval with none is done; one whose ends are neighbours on
 * the server lost everything cached between them; any other gets one page read in its middle,
 * which splits it in two (and shows any removal inside its own 50 slots directly). Each
 * removal thus costs about log2(N/50) pages, and the reads of one round are independent, so
 * they run concurrently.
 *
 * Unavailable places (SPEC §3: counted in `total`, never returned) make positions uncertain:
 * a short page does not say where in it the missing items were, and the cache keeps them at
 * the end of the page they were missing from (slots.ts). So a position is known within a
 * range, the count between two slots within bounds, and removals are only ever concluded from
 * slots one read returned one after the other (nothing the server returns lies between them).
 * The search ends when it has found all `removals` that way: the total says how many there
 * are, as long as the unavailable places stay as they were (when they change, the count does
 * not add up and the caller reads everything). With no unavailable place anywhere every
 * position is exact, and this is the plain bisection above, probe for probe.
 *
 * `head` is the run of the head pages; `adds` new slots stand before its first anchor.
 */
export async function findRemovals(
  context: SyncContext,
  order: CachedOrder,
  search: { total: number; adds: number; head: Run; removals: number; maxProbes: number },
): Promise<RemovalSearch> {
  const { total, adds, head, removals, maxProbes } = search;
  const known = new KnownSlots(order, adds, total);
  const recorded = known.record(head);
  if (recorded !== 'ok') return { kind: recorded };

  for (let probes = 0; ; ) {
    const state = known.evaluate();
    if (state === 'inconsistent') return { kind: state };
    const { removed, gaps } = state;
    if (removed.length > removals) return { kind: 'inconsistent' };
    if (removed.length === removals) {
      // Every removal is accounted for: a gap that must still hold one contradicts the total.
      return gaps.some((gap) => gap.least > 0) ? { kind: 'inconsistent' } : { kind: 'found', removed, probes };
    }
    const open = gaps.filter((gap) => gap.most > 0);
    if (open.length === 0) return { kind: 'inconsistent' };
    // Where the arithmetic points first; only when it points nowhere, wherever a removal could hide.
    const likely = open.filter((gap) => gap.estimate >= 0.5);
    const round = likely.length > 0 ? likely : open;
    if (probes + round.length > maxProbes) return { kind: 'too-costly' };
    probes += round.length;

    let outcome: 'changed' | 'inconsistent' | undefined;
    await runPagePool(
      context,
      round.map(probeOffset),
      (offset) => fetchPage(context, offset),
      async (page: FetchedPage) => {
        if (outcome) return;
        if (page.total !== total) {
          outcome = 'changed';
          return;
        }
        const run = runOfPage(page, order);
        const result = run ? known.record(run) : 'inconsistent';
        if (result !== 'ok') outcome = result;
      },
    );
    if (outcome) return { kind: outcome };
  }
}

/** The slots a probe returned, as a run; undefined when one is not cached (an insertion in the middle). */
function runOfPage(page: FetchedPage, order: CachedOrder): Run | undefined {
  const returned = page.slots.filter((slot) => !slot.unavailable);
  const slack = page.slots.length - returned.length;
  const anchors: Anchor[] = [];
  for (const [index, slot] of returned.entries()) {
    const cached = order.positionOf.get(slot.key);
    if (cached === undefined) return undefined;
    anchors.push({ server: page.offset + index, slack, cached });
  }
  return { anchors, fromStart: page.offset === 0, toEnd: page.offset + SAVED_TRACKS_PAGE_SIZE >= page.total };
}

interface Gap {
  left: Observation;
  right: Observation;
  /**
   * Cached slots removed between the two, expected from their positions: exact when both are;
   * else each missing item taken half-way through its page, which is as likely as anywhere.
   */
  estimate: number;
  /** Bounds on that count, given how uncertain each position is. */
  least: number;
  most: number;
}

/** What the reads so far say: the slots seen, and between which of them slots were removed. */
class KnownSlots {
  readonly #observations = new Map<number, Observation>();
  readonly #start: Observation;
  readonly #end: Observation;

  constructor(
    private readonly order: CachedOrder,
    adds: number,
    total: number,
  ) {
    this.#start = { server: adds - 1, slack: 0, cached: -1 };
    this.#end = { server: total, slack: 0, cached: order.keys.length };
  }

  record(run: Run): 'ok' | 'changed' | 'inconsistent' {
    let previous: Observation | undefined = run.fromStart ? this.#start : undefined;
    for (const anchor of run.anchors) {
      const seen = this.#merge(anchor);
      if (seen === 'changed') return seen;
      if (previous && !this.#link(previous, seen.cached)) return 'inconsistent';
      previous = seen;
    }
    if (run.toEnd && previous && !this.#link(previous, this.#end.cached)) return 'inconsistent';
    return 'ok';
  }

  /**
   * Removals proven so far (cached slots between two slots a read returned one after the
   * other), and the gaps between slots seen apart.
   */
  evaluate(): { removed: number[]; gaps: Gap[] } | 'inconsistent' {
    const sorted = [this.#start, ...[...this.#observations.values()].sort((a, b) => a.cached - b.cached), this.#end];
    const removed: number[] = [];
    const gaps: Gap[] = [];
    for (let index = 1; index < sorted.length; index++) {
      const [left, right] = [sorted[index - 1]!, sorted[index]!];
      if (left.next !== undefined && left.next !== right.cached) return 'inconsistent';
      if (right.server + right.slack <= left.server) return 'inconsistent';
      const neighbours = left.next === right.cached || (left.slack === 0 && right.slack === 0 && right.server - left.server === 1);
      if (neighbours) {
        for (let cached = left.cached + 1; cached < right.cached; cached++) if (!this.#isUnavailable(cached)) removed.push(cached);
        continue;
      }
      const byPositions = right.cached - left.cached - (right.server - left.server);
      const [leftCacheSlack, rightCacheSlack] = [this.#cacheSlack(left), this.#cacheSlack(right)];
      const most = Math.min(byPositions + rightCacheSlack + left.slack, this.#removable(left.cached, right.cached));
      if (most < 0) return 'inconsistent';
      const least = Math.max(0, byPositions - leftCacheSlack - right.slack);
      const estimate = byPositions + (rightCacheSlack - leftCacheSlack - right.slack + left.slack) / 2;
      gaps.push({ left, right, estimate, least, most });
    }
    return { removed, gaps };
  }

  /** The observation of this slot, narrowed by what this read says of its place. */
  #merge(anchor: Anchor): Observation | 'changed' {
    const seen = this.#observations.get(anchor.cached);
    if (!seen) {
      const observation: Observation = { ...anchor };
      this.#observations.set(anchor.cached, observation);
      return observation;
    }
    const from = Math.max(seen.server, anchor.server);
    const to = Math.min(seen.server + seen.slack, anchor.server + anchor.slack);
    if (from > to) return 'changed';
    seen.server = from;
    seen.slack = to - from;
    return seen;
  }

  #link(observation: Observation, next: number): boolean {
    if (observation.next !== undefined && observation.next !== next) return false;
    observation.next = next;
    return true;
  }

  #isUnavailable(cached: number): boolean {
    const before = this.order.unavailableBefore;
    return before[cached + 1]! > before[cached]!;
  }

  /** Cached slots strictly between two positions that a removal could have taken (not unavailable ones). */
  #removable(left: number, right: number): number {
    const before = this.order.unavailableBefore;
    return right - left - 1 - (before[right]! - before[left + 1]!);
  }

  /**
   * How many places later a cached slot may truly stand: unavailable slots stand at the end of
   * the page they were missing from, so those in the 49 slots after it may have been before it.
   */
  #cacheSlack(observation: Observation): number {
    const { cached } = observation;
    if (cached < 0 || cached >= this.order.keys.length) return 0;
    const before = this.order.unavailableBefore;
    return before[Math.min(this.order.keys.length, cached + SAVED_TRACKS_PAGE_SIZE)]! - before[cached + 1]!;
  }
}

/**
 * The page that splits the server slots strictly between the two ends of a gap in half; for
 * a gap of a page or less, the page right after its left end (from the left end itself when
 * its place is uncertain, so that the page surely holds it and links the two reads).
 */
function probeOffset({ left, right }: Gap): number {
  const between = right.server - left.server - 1;
  const first = left.slack === 0 ? left.server + 1 : left.server;
  return first + Math.max(0, Math.floor((between - SAVED_TRACKS_PAGE_SIZE) / 2));
}
