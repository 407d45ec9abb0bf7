import { fetchSavedTracksPage, type SavedTracksPage } from '../spotify/saved-tracks';
import { holeSlot, trackSlot, unavailableSlot, type Slot } from '../library/slots';
import type { SyncContext } from './sync-context';

/**
 * One page of `GET /me/tracks` as slots in server order, with the total it was read at:
 * always min(50, total − offset) of them, a page that came back short filled up with
 * unavailable slots at its end.
 */
export interface FetchedPage {
  offset: number;
  total: number;
  slots: Slot[];
}

export async function fetchPage(context: SyncContext, offset: number): Promise<FetchedPage> {
  context.signal?.throwIfAborted();
  const page = await fetchSavedTracksPage(context.api, { offset, signal: context.signal });
  return { offset, total: page.total, slots: slotsOfPage(page) };
}

function slotsOfPage(page: SavedTracksPage): Slot[] {
  const slots = page.items.map(trackSlot);
  // Ascending indexes: each insert lands where the server had the skipped item.
  for (const skipped of page.skippedItems) slots.splice(skipped.index, 0, holeSlot(skipped.addedAt));
  const lastAddedAt = slots.at(-1)?.addedAt ?? '';
  for (let missing = 0; missing < page.unavailable; missing++) slots.push(unavailableSlot(lastAddedAt));
  return slots;
}

/** The slots Spotify sent items for, each with its index in the page. */
export function returnedSlots(page: FetchedPage): Slot[] {
  return page.slots.filter((slot) => !slot.unavailable);
}

export function keysOf(slots: readonly Slot[]): string[] {
  return slots.map((slot) => slot.key);
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
