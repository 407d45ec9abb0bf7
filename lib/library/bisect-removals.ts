import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import type { CachedOrder } from './cached-order';
import { fetchPage, type FetchedPage } from './fetched-page';
import { runPagePool } from './page-pool';
import type { SyncContext } from './sync-context';

/** A slot seen on the server: its position there and in the cache. */
export interface Anchor {
  server: number;
  cached: number;
}

export type RemovalSearch =
  | { kind: 'found'; removed: number[]; probes: number }
  /** The next round would exceed `maxProbes`: reading everything is cheaper. */
  | { kind: 'too-costly' }
  /** A page reported another total: the list moved under us, start over. */
  | { kind: 'changed' }
  /** The pages contradict the cache (unknown slot in the middle, order differs): re-sync fully. */
  | { kind: 'inconsistent' };

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
 * `anchors` are the slots already seen (the head pages); `adds` new slots stand before the
 * first cached one on the server.
 */
export async function findRemovals(
  context: SyncContext,
  order: CachedOrder,
  search: { total: number; adds: number; anchors: readonly Anchor[]; maxProbes: number },
): Promise<RemovalSearch> {
  const { total, adds, anchors, maxProbes } = search;
  const known = new Map<number, number>([[adds - 1, -1], [total, order.keys.length]]);
  for (const anchor of anchors) known.set(anchor.server, anchor.cached);

  for (let probes = 0; ; ) {
    const sorted = [...known.entries()].map(([server, cached]) => ({ server, cached })).sort((a, b) => a.server - b.server);
    const open: Array<[Anchor, Anchor]> = [];
    for (let index = 1; index < sorted.length; index++) {
      const [left, right] = [sorted[index - 1]!, sorted[index]!];
      const removed = right.cached - left.cached - (right.server - left.server);
      if (removed < 0 || right.cached <= left.cached) return { kind: 'inconsistent' };
      if (removed > 0 && right.server - left.server > 1) open.push([left, right]);
    }
    if (open.length === 0) return { kind: 'found', removed: removedPositions(sorted), probes };
    if (probes + open.length > maxProbes) return { kind: 'too-costly' };
    probes += open.length;

    let outcome: RemovalSearch | undefined;
    await runPagePool(
      context,
      open.map(([left, right]) => probeOffset(left, right)),
      (offset) => fetchPage(context, offset),
      async (page: FetchedPage) => {
        if (page.total !== total) outcome ??= { kind: 'changed' };
        page.slots.forEach((slot, index) => {
          const cached = order.positionOf.get(slot.key);
          if (cached === undefined) outcome ??= { kind: 'inconsistent' };
          else known.set(page.offset + index, cached);
        });
      },
    );
    if (outcome) return outcome;
  }
}

/** The page that splits the server slots strictly between `left` and `right` in half. */
function probeOffset(left: Anchor, right: Anchor): number {
  const between = right.server - left.server - 1;
  return left.server + 1 + Math.max(0, Math.floor((between - SAVED_TRACKS_PAGE_SIZE) / 2));
}

/** Cached positions between server neighbours: everything there is gone. */
function removedPositions(sorted: readonly Anchor[]): number[] {
  const removed: number[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const [left, right] = [sorted[index - 1]!, sorted[index]!];
    if (right.server - left.server !== 1) continue;
    for (let cached = left.cached + 1; cached < right.cached; cached++) removed.push(cached);
  }
  return removed;
}
