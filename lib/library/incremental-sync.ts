import { spotifyTimestamp } from '../format';
import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import { findRemovals, type Anchor } from './bisect-removals';
import { loadCachedOrder, type CachedOrder } from './cached-order';
import type { LibraryMeta } from './db';
import { EDIT_STORES } from './edit-transaction';
import { fetchPage, keysOf, sameKeys, type FetchedPage } from './fetched-page';
import { LibraryEditor } from './library-editor';
import type { Slot } from './slots';
import type { SyncContext } from './sync-context';
import { inWriteTransaction } from './write-transaction';

/** Attempts before a list that moves during every attempt is left to a full sync. */
const MAX_ATTEMPTS = 3;

export type IncrementalOutcome =
  | { kind: 'unchanged' }
  | { kind: 'incremental'; added: number; removed: number; total: number; skipped: number }
  /** A full sync is cheaper or needed; `opening` is the page 0 just read, to start it with. */
  | { kind: 'needs-full'; opening: FetchedPage };

/**
 * Brings a complete library up to date with as few requests as SPEC §8 allows:
 * - nothing changed: page 0 equals the cached head and total — one request;
 * - k saves: the first cached slot shows up at offset T − n; pages up to it — ⌈k/50⌉ + 1;
 * - r removals: the head pages give the saves k and so r = n + k − T; `findRemovals` locates
 *   them by bisection, unless r·⌈log2(n/50)⌉ pages would cost more than reading everything.
 *
 * Pages are compared by slot key (`uri@added_at`), so a track saved again counts as one
 * removal and one save. Nothing is written until the changes are known, then they are
 * applied in one transaction, with the removed tracks written into the history of removals
 * (a track removed and saved again is not a removal). The reads of the bisection happen at different moments, so
 * they are bracketed like a full sync's pass (reconcile.ts): every page must report the same
 * total and a closing read of page 0 must equal the first; otherwise the attempt starts over.
 * Head pages alone are read one after another and need no bracket: a later page with the
 * same total cannot have skipped a slot, and a save or removal at the head while they were
 * read is found by the next sync.
 */
export async function runIncrementalSync(context: SyncContext, meta: LibraryMeta): Promise<IncrementalOutcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptIncremental(context, meta);
    if (outcome.kind !== 'changed') return outcome;
    if (attempt >= MAX_ATTEMPTS) return { kind: 'needs-full', opening: outcome.opening };
  }
}

type AttemptOutcome = IncrementalOutcome | { kind: 'changed'; opening: FetchedPage };

async function attemptIncremental(context: SyncContext, meta: LibraryMeta): Promise<AttemptOutcome> {
  const first = await fetchPage(context, 0);
  const total = first.total;
  if (total === meta.serverTotal && sameKeys(keysOf(first.slots), meta.head)) {
    await markSynced(context);
    return { kind: 'unchanged' };
  }
  context.onProgress?.({ done: 0, total, phase: 'checking' });
  const head = new HeadPages(context, first);

  // An empty cache filling up is a first sync in all but name: read it concurrently.
  if (meta.serverTotal === 0 && total > SAVED_TRACKS_PAGE_SIZE) return { kind: 'needs-full', opening: first };

  // Only saves: the first cached slot is at offset T − n, and every slot after it is cached.
  const savesIfNoRemovals = total - meta.serverTotal;
  if (savesIfNoRemovals >= 0 && meta.head.length > 0) {
    const slots = await head.slotsUntil(savesIfNoRemovals + 1);
    if (slots === 'changed') return { kind: 'changed', opening: first };
    const after = keysOf(slots.slice(savesIfNoRemovals));
    if (after.length > 0 && sameKeys(after, meta.head.slice(0, after.length))) {
      return apply(context, { saves: slots.slice(0, savesIfNoRemovals), removed: [], total });
    }
  }

  const order = await loadCachedOrder(context.db);
  const scan = await head.scanUntilKnown(order);
  if (scan === 'changed') return { kind: 'changed', opening: first };
  if (scan === 'inconsistent') return { kind: 'needs-full', opening: first };
  const { saves, anchors } = scan;
  const removals = order.keys.length + saves.length - total;
  if (removals < 0) return { kind: 'needs-full', opening: first };

  const maxProbes = probeAllowance(removals, order.keys.length, total);
  const search = await findRemovals(context, order, { total, adds: saves.length, anchors, maxProbes });
  if (search.kind === 'inconsistent' || search.kind === 'too-costly') return { kind: 'needs-full', opening: first };
  if (search.kind === 'changed') return { kind: 'changed', opening: first };
  if (search.probes > 0) {
    const closing = await fetchPage(context, 0);
    const moved = closing.total !== total || !sameKeys(keysOf(closing.slots), keysOf(first.slots));
    if (moved) return { kind: 'changed', opening: closing };
  }
  const removed = search.removed.map((position) => ({ key: order.keys[position]!, seq: order.seqs[position]! }));
  return apply(context, { saves, removed, total });
}

/**
 * How many pages the removal search may read. Each removal costs at most d = ⌈log2(n/50)⌉
 * pages, but removals close together share them: a run of ten adjacent ones (an album
 * unsaved) costs about d + 1, not 10·d. So the search is tried even when r·d exceeds the P
 * pages of a full read, with an allowance that keeps page 0 + the search + a full read that
 * reuses page 0 within SPEC §8's r·d + 3, and never above half of P: scattered removals give
 * up early rather than spend more than reading everything would.
 */
function probeAllowance(removals: number, cached: number, total: number): number {
  const depth = Math.max(1, Math.ceil(Math.log2(Math.max(2, cached / SAVED_TRACKS_PAGE_SIZE))));
  const fullRead = Math.ceil(total / SAVED_TRACKS_PAGE_SIZE);
  const estimate = removals * depth;
  if (estimate <= fullRead) return estimate + 1;
  return Math.min(estimate + 2 - fullRead, Math.ceil(fullRead / 2));
}

/** Pages from the head, read one after another, each checked against the first page's total. */
class HeadPages {
  readonly #slots: Slot[];

  constructor(
    private readonly context: SyncContext,
    private readonly first: FetchedPage,
  ) {
    this.#slots = [...first.slots];
  }

  /** The first `count` slots (fewer at the end of the list). */
  async slotsUntil(count: number): Promise<Slot[] | 'changed'> {
    while (this.#slots.length < Math.min(count, this.first.total)) {
      const page = await fetchPage(this.context, this.#slots.length);
      if (page.total !== this.first.total || page.slots.length === 0) return 'changed';
      this.#slots.push(...page.slots);
    }
    return this.#slots.slice(0, count);
  }

  /** New slots before the first cached one, and every cached slot seen on these pages as an anchor. */
  async scanUntilKnown(order: CachedOrder): Promise<{ saves: Slot[]; anchors: Anchor[] } | 'changed' | 'inconsistent'> {
    let firstKnown = -1;
    for (let index = 0; firstKnown < 0; index++) {
      if (index === this.#slots.length) {
        if (index >= this.first.total) break;
        const more = await this.slotsUntil(index + SAVED_TRACKS_PAGE_SIZE);
        if (more === 'changed') return more;
      }
      if (order.positionOf.has(this.#slots[index]!.key)) firstKnown = index;
    }
    if (firstKnown < 0) return { saves: [...this.#slots], anchors: [] };
    const anchors: Anchor[] = [];
    for (let index = firstKnown; index < this.#slots.length; index++) {
      const cached = order.positionOf.get(this.#slots[index]!.key);
      // A new slot after a cached one would be an insertion in the middle: not Spotify's model.
      if (cached === undefined) return 'inconsistent';
      anchors.push({ server: index, cached });
    }
    return { saves: this.#slots.slice(0, firstKnown), anchors };
  }
}

async function apply(
  context: SyncContext,
  changes: { saves: Slot[]; removed: Array<{ key: string; seq: number }>; total: number },
): Promise<IncrementalOutcome> {
  context.onProgress?.({ done: changes.total, total: changes.total, phase: 'saving' });
  const outcome = await inWriteTransaction(context.db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    if (!editor) throw new Error('The library disappeared during the sync.');
    let removedTracks = 0;
    for (const { key, seq } of changes.removed) {
      const removed = await editor.removeSlot(key, seq);
      if (removed?.slot.track) removedTracks += 1;
    }
    await editor.insertAtHead(changes.saves);
    const syncedAt = context.now();
    const meta = await editor.commit({
      serverTotal: changes.total,
      syncedAt,
      removals: { at: spotifyTimestamp(syncedAt), by: 'sync' },
    });
    return { removedTracks, meta };
  });
  return {
    kind: 'incremental',
    added: changes.saves.filter((slot) => slot.track).length,
    removed: outcome.removedTracks,
    total: outcome.meta.total,
    skipped: outcome.meta.serverTotal - outcome.meta.total,
  };
}

/** "Nothing changed" still counts as a sync: the popup's staleness check reads `lastSyncedAt`. */
function markSynced(context: SyncContext): Promise<void> {
  return inWriteTransaction(context.db, ['meta'], async (transaction) => {
    const current = await transaction.objectStore('meta').get('library');
    if (current?.key === 'library') await transaction.objectStore('meta').put({ ...current, lastSyncedAt: context.now() });
  });
}
