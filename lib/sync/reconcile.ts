import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import type { FullSyncCheckpoint } from '../library/db';
import { fetchPage, keysOf, sameKeys, type FetchedPage } from './fetched-page';
import { runPagePool } from './page-pool';
import type { Slot } from '../library/slots';
import type { SyncContext } from './sync-context';

/**
 * Why a full sync's result is exact although Spotify's list changes while it is being read.
 *
 * The model. The saved list is ordered newest first. A save puts a track at the head; a
 * removal takes one out anywhere; nothing is inserted in the middle, and two saves never swap
 * places. Saving a track again is a new save at the head with a new `added_at`, hence a new
 * slot key (`uri@added_at`): a removed slot never comes back. Pages are read at different
 * moments, and with several in flight those moments interleave arbitrarily.
 *
 * What goes wrong without care. A save during the pass shifts every later page by one: the
 * next page repeats a slot (harmless) but page 0, read earlier, lacks the new one. A removal
 * shifts later pages the other way: a slot slides across a page boundary and no page has it,
 * while the removed slot may already be staged. Totals alone cannot tell: a save and a
 * removal cancel out.
 *
 * 1. The bracket (the common case, one request beyond the pages: SPEC §8's ⌈N/50⌉ + 2).
 *    Every pass opens with page 0 (total T, first 50 slots H) and closes by reading page 0
 *    again. If the closing read shows total T and the same 50 slots, and every page of the pass
 *    reported T, the staged pages are exactly the list as it was at the opening:
 *    - a slot of the opening list removed during the pass stays removed, so a closing total of
 *      T needs as many new saves still present; they would stand at the head, ahead of H,
 *      and the closing head would differ. So the opening list survived whole;
 *    - saves made and removed again during the pass stand at the head while they exist and
 *      raise the total meanwhile. A page that reported T was read while there were none, so it
 *      read the opening list itself, at its own offset.
 *
 * 2. Only saves during the pass (the usual change: the user keeps listening and saving).
 *    If the closing head holds the opening head's first slot at index k with total T + k,
 *    then T + k − total = 0 slots of the opening list were removed, and at every moment the
 *    list was "the saves present then" followed by the opening list. A page that reported
 *    total t was read with t − T saves ahead of the opening list, so its slot j is slot
 *    offset + j − (t − T) of the opening list: every staged page places its slots exactly, and
 *    two pages placing different slots in one place disprove the case. Places no page covered
 *    (a save pushed them across a page boundary before their page was read) are read again at
 *    their offset now (+ k); those reads are bracketed by one more read of page 0. The result is
 *    the k new slots followed by the opening list. With k ≥ 50 the head pages after the closing
 *    page are read too, one after another at the closing total, inside the same bracket.
 *
 * 3. Anything else (a removal during the pass) starts a new pass opened by the closing read,
 *    which costs another ⌈N/50⌉ requests. The sync gives up after a few passes with
 *    LibraryKeptChangingError and resumes later; nothing inexact is ever published.
 */
export type PassVerdict =
  /** The staged pages of the pass are the list. */
  | { kind: 'exact' }
  /** The list, rebuilt from the staged pages and a few new reads. */
  | { kind: 'repaired'; slots: Slot[]; total: number }
  /** Start again; `opening` is a fresh page 0 to open the next pass with, when there is one. */
  | { kind: 'changed'; opening?: FetchedPage };

export async function judgePass(
  context: SyncContext,
  checkpoint: FullSyncCheckpoint,
  /** The pass's pages as read; undefined when they cannot be told apart any more (then case 3). */
  readPassPages: () => Promise<FetchedPage[] | undefined>,
): Promise<PassVerdict> {
  const { startTotal, startHead, pageTotals } = checkpoint;
  // One page is one moment: nothing can have moved between pages.
  if (startTotal <= SAVED_TRACKS_PAGE_SIZE) return { kind: 'exact' };
  const closing = await fetchPage(context, 0);
  const steady = pageTotals.every((total) => total === startTotal);
  if (steady && closing.total === startTotal && sameKeys(keysOf(closing.slots), startHead)) return { kind: 'exact' };
  return repairAfterSaves(context, checkpoint, closing, await readPassPages());
}

/** Case 2 above, or `changed` when the pass does not fit it. */
async function repairAfterSaves(
  context: SyncContext,
  { startTotal, startHead }: FullSyncCheckpoint,
  closing: FetchedPage,
  pages: readonly FetchedPage[] | undefined,
): Promise<PassVerdict> {
  const changed: PassVerdict = { kind: 'changed', opening: closing };
  if (!pages) return changed;
  const head = await readNewHead(context, closing, closing.total - startTotal);
  if (!head) return changed;
  const headKeys = keysOf(head);
  const saves = headKeys.indexOf(startHead[0]!);
  if (saves < 0 || closing.total !== startTotal + saves) return changed;
  if (!sameKeys(headKeys.slice(saves), startHead.slice(0, headKeys.length - saves))) return changed;

  const opening = new OpeningList(startTotal);
  for (const page of pages) {
    if (!opening.placePage(page, page.total - startTotal)) return changed;
  }
  const offsets = opening.missingOffsets().map((position) => position + saves);
  if (offsets.length > 0) {
    let consistent = true;
    await runPagePool(
      context,
      offsets,
      (offset) => fetchPage(context, offset),
      async (page) => {
        consistent &&= page.total === closing.total && opening.placePage(page, saves);
      },
    );
    if (!consistent) return { kind: 'changed' };
  }
  if (offsets.length > 0 || head.length > closing.slots.length) {
    const check = await fetchPage(context, 0);
    if (check.total !== closing.total || !sameKeys(keysOf(check.slots), keysOf(closing.slots))) {
      return { kind: 'changed', opening: check };
    }
  }
  const list = opening.complete();
  if (!list) return { kind: 'changed' };
  return { kind: 'repaired', slots: [...head.slice(0, saves), ...list], total: closing.total };
}

/**
 * The closing page, and when more than a page of saves came in (an album saved during the
 * sync), the head pages after it up to the first slot that can be old: far cheaper than
 * another pass. They are read one after another at the closing total, and bracketed by the
 * final read of page 0.
 */
async function readNewHead(context: SyncContext, closing: FetchedPage, saves: number): Promise<Slot[] | undefined> {
  const head = [...closing.slots];
  if (saves < 0 || saves >= closing.total - saves) return head;
  while (head.length <= saves) {
    const page = await fetchPage(context, head.length);
    if (page.total !== closing.total || page.slots.length === 0) return undefined;
    head.push(...page.slots);
  }
  return head;
}

/** The list as it was when the pass opened, filled in from pages read at other moments. */
class OpeningList {
  readonly #slots: Array<Slot | undefined>;

  constructor(readonly length: number) {
    this.#slots = new Array<Slot | undefined>(length);
  }

  /** Places a page read with `ahead` saves before the opening list; false if it contradicts it. */
  placePage(page: FetchedPage, ahead: number): boolean {
    if (ahead < 0) return false;
    return page.slots.every((slot, index) => {
      const position = page.offset + index - ahead;
      if (position < 0) return true; // one of the saves, not part of the opening list
      if (position >= this.length) return false;
      const placed = this.#slots[position];
      if (placed && placed.key !== slot.key) return false;
      this.#slots[position] = slot;
      return true;
    });
  }

  /** Offsets (in the opening list) of pages that cover every place still empty. */
  missingOffsets(): number[] {
    const offsets: number[] = [];
    let coveredUntil = 0;
    for (let position = 0; position < this.length; position++) {
      if (this.#slots[position] || position < coveredUntil) continue;
      offsets.push(position);
      coveredUntil = position + SAVED_TRACKS_PAGE_SIZE;
    }
    return offsets;
  }

  complete(): Slot[] | undefined {
    const slots: Slot[] = [];
    for (let position = 0; position < this.length; position++) {
      const slot = this.#slots[position];
      if (!slot) return undefined;
      slots.push(slot);
    }
    return slots;
  }
}
