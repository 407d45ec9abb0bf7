import { t } from '../i18n';
import { spotifyTimestamp } from '../format';
import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import { findRemovals, type Anchor, type Run } from './bisect-removals';
import { loadCachedOrder, type CachedOrder } from './cached-order';
import { placesOf, type LibraryMeta, type LibraryPlaces } from '../library/db';
import { fetchPage, keysOf, sameKeys, type FetchedPage } from './fetched-page';
import { LibraryEditor } from '../library/library-editor';
import { returnedKeysOf, type Slot } from '../library/slots';
import type { SyncContext } from './sync-context';
import { EDIT_STORES, inWriteTransaction } from '../library/write-transaction';

/** Attempts before a list that moves during every attempt is left to a full sync. */
const MAX_ATTEMPTS = 3;

export type IncrementalOutcome =
  | { kind: 'unchanged' }
  | ({ kind: 'incremental'; added: number; removed: number } & LibraryPlaces)
  /** A full sync is cheaper or needed; `opening` is the page 0 just read, to start it with. */
  | { kind: 'needs-full'; opening: FetchedPage };

/**
 * Brings a complete library up to date with as few requests as SPEC §8 allows:
 * - nothing changed: page 0 returns the cached head at the same total — one request;
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
 *
 * Places Spotify counts but never returns (SPEC §3: pages shorter than due) are part of the
 * cached list, as unavailable slots (slots.ts), so `total` and the cached count still agree and
 * the arithmetic above holds for them. What page 0 returns is compared with what it returned
 * last time, so a shortfall that stays is an unchanged library; the head pages are read by
 * offset and compared by the items they return; and the bisection allows for not knowing
 * where in a short page its missing items were (bisect-removals.ts).
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
  const head = returnedKeysOf(first.slots);
  if (total === meta.serverTotal && sameKeys(head, meta.head)) {
    await markSynced(context);
    return { kind: 'unchanged' };
  }
  context.onProgress?.({ done: 0, total, phase: 'checking' });
  const pages = new HeadPages(context, first);

  // An empty cache filling up is a first sync in all but name: read it concurrently.
  if (meta.serverTotal === 0 && total > SAVED_TRACKS_PAGE_SIZE) return { kind: 'needs-full', opening: first };

  // Only saves: the first cached slot is at offset T − n, and every slot after it is cached.
  const savesIfNoRemovals = total - meta.serverTotal;
  if (savesIfNoRemovals >= 0 && meta.head.length > 0) {
    // Every slot the pages read is compared, not only the first cached one: a track that
    // turned unavailable leaves the total as it was and page 0 one item short.
    const slots = await pages.slotsUntil(savesIfNoRemovals + 1);
    if (slots === 'changed') return { kind: 'changed', opening: first };
    const after = keysOf(pages.read.slice(savesIfNoRemovals)).slice(0, meta.head.length);
    if (after.length > 0 && sameKeys(after, meta.head.slice(0, after.length))) {
      return apply(context, { saves: slots.slice(0, savesIfNoRemovals), removed: [], total, head });
    }
  }

  const order = await loadCachedOrder(context.db);
  const scan = await pages.scanUntilKnown(order);
  if (scan === 'changed') return { kind: 'changed', opening: first };
  if (scan === 'inconsistent') return { kind: 'needs-full', opening: first };
  const { saves, run } = scan;
  const removals = order.keys.length + saves.length - total;
  if (removals < 0) return { kind: 'needs-full', opening: first };

  const uncertain = order.unavailableBefore[order.keys.length]! > 0;
  const maxProbes = probeAllowance(removals, order.keys.length, total, uncertain);
  const search = await findRemovals(context, order, { total, adds: saves.length, head: run, removals, maxProbes });
  if (search.kind === 'inconsistent' || search.kind === 'too-costly') return { kind: 'needs-full', opening: first };
  if (search.kind === 'changed') return { kind: 'changed', opening: first };
  if (search.probes > 0) {
    const closing = await fetchPage(context, 0);
    const moved = closing.total !== total || !sameKeys(keysOf(closing.slots), keysOf(first.slots));
    if (moved) return { kind: 'changed', opening: closing };
  }
  const removed = search.removed.map((position) => ({ key: order.keys[position]!, seq: order.seqs[position]! }));
  return apply(context, { saves, removed, total, head });
}

/**
 * How many pages the removal search may read. Each removal costs at most d = ⌈log2(n/50)⌉
 * pages, but removals close together share them: a run of ten adjacent ones (an album
 * unsaved) costs about d + 1, not 10·d. So the search is tried even when r·d exceeds the P
 * pages of a full read, with an allowance that keeps page 0 + the search + a full read that
 * reuses page 0 within SPEC §8's r·d + 3, and never above half of P: scattered removals give
 * up early rather than spend more than reading everything would.
 *
 * With unavailable places in the list (`uncertain`) positions are known within a few places
 * only, and a search often needs a few reads more than d per removal: it may use twice the
 * allowance, still never above half of P. Measured on 80 rounds of 1–3 removals and some saves
 * (2,630 to 10,000 tracks, 1 % unavailable), rounds that fell back to reading everything and
 * requests in all: the plain allowance, missing items taken at the earliest place they could
 * be, 21 and 3,256; taken half-way through their page (bisect-removals.ts), 15 and 2,592;
 * twice the allowance as well, 0 and 1,052.
 */
function probeAllowance(removals: number, cached: number, total: number, uncertain: boolean): number {
  const depth = Math.max(1, Math.ceil(Math.log2(Math.max(2, cached / SAVED_TRACKS_PAGE_SIZE))));
  const fullRead = Math.ceil(total / SAVED_TRACKS_PAGE_SIZE);
  const estimate = removals * depth;
  const allowance = estimate <= fullRead ? estimate + 1 : Math.min(estimate + 2 - fullRead, Math.ceil(fullRead / 2));
  return uncertain ? Math.max(allowance, Math.min(2 * allowance, Math.ceil(fullRead / 2))) : allowance;
}

/**
 * Pages from the head, read one after another at offsets 0, 50, 100 …, each checked against
 * the first page's total. What they return is one run of the server's list: no item it
 * returns lies between two consecutive ones here, whatever places a short page left out.
 */
class HeadPages {
  /** The slots the pages returned, in order, each with where its page puts it. */
  readonly #slots: Slot[] = [];
  readonly #anchors: Array<Omit<Anchor, 'cached'>> = [];
  #nextOffset = 0;

  constructor(
    private readonly context: SyncContext,
    private readonly first: FetchedPage,
  ) {
    this.#add(first);
  }

  /** Every slot the pages read so far returned. */
  get read(): readonly Slot[] {
    return this.#slots;
  }

  /** The first `count` slots returned (fewer at the end of the list). */
  async slotsUntil(count: number): Promise<Slot[] | 'changed'> {
    while (this.#slots.length < count && this.#nextOffset < this.first.total) {
      const page = await fetchPage(this.context, this.#nextOffset);
      if (page.total !== this.first.total || page.slots.length === 0) return 'changed';
      this.#add(page);
    }
    return this.#slots.slice(0, count);
  }

  /** New slots before the first cached one, and the cached slots seen from it on as a run. */
  async scanUntilKnown(order: CachedOrder): Promise<{ saves: Slot[]; run: Run } | 'changed' | 'inconsistent'> {
    let firstKnown = -1;
    for (let index = 0; firstKnown < 0; index++) {
      if (index === this.#slots.length) {
        if (this.#nextOffset >= this.first.total) break;
        const more = await this.slotsUntil(index + SAVED_TRACKS_PAGE_SIZE);
        if (more === 'changed') return more;
        if (index === this.#slots.length) break;
      }
      if (order.positionOf.has(this.#slots[index]!.key)) firstKnown = index;
    }
    const toEnd = this.#nextOffset >= this.first.total;
    if (firstKnown < 0) return { saves: [...this.#slots], run: { anchors: [], fromStart: true, toEnd } };
    const anchors: Anchor[] = [];
    for (let index = firstKnown; index < this.#slots.length; index++) {
      const cached = order.positionOf.get(this.#slots[index]!.key);
      // A new slot after a cached one would be an insertion in the middle: not Spotify's model.
      if (cached === undefined) return 'inconsistent';
      anchors.push({ ...this.#anchors[index]!, cached });
    }
    return { saves: this.#slots.slice(0, firstKnown), run: { anchors, fromStart: true, toEnd } };
  }

  #add(page: FetchedPage): void {
    const returned = page.slots.filter((slot) => !slot.unavailable);
    const slack = page.slots.length - returned.length;
    returned.forEach((slot, index) => {
      this.#slots.push(slot);
      this.#anchors.push({ server: page.offset + index, slack });
    });
    this.#nextOffset = page.offset + SAVED_TRACKS_PAGE_SIZE;
  }
}

async function apply(
  context: SyncContext,
  changes: { saves: Slot[]; removed: Array<{ key: string; seq: number }>; total: number; head: string[] },
): Promise<IncrementalOutcome> {
  context.onProgress?.({ done: changes.total, total: changes.total, phase: 'saving' });
  const outcome = await inWriteTransaction(context.db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    if (!editor) throw new Error(t('errors.libraryGone'));
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
      head: changes.head,
      removals: { at: spotifyTimestamp(syncedAt), by: 'sync' },
    });
    return { removedTracks, meta };
  });
  return {
    kind: 'incremental',
    added: changes.saves.filter((slot) => slot.track).length,
    removed: outcome.removedTracks,
    ...placesOf(outcome.meta),
  };
}

/** "Nothing changed" still counts as a sync: the popup's staleness check reads `lastSyncedAt`. */
function markSynced(context: SyncContext): Promise<void> {
  return inWriteTransaction(context.db, ['meta'], async (transaction) => {
    const current = await transaction.objectStore('meta').get('library');
    if (current?.key === 'library') await transaction.objectStore('meta').put({ ...current, lastSyncedAt: context.now() });
  });
}
