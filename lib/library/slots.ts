import type { StoredTrack } from './types';

/**
 * One place in the saved list as Spotify numbers it. Most are tracks; a few are items Spotify
 * lists but we cannot keep (`track: null`, no URI — SPEC §9: skipped and counted). Those are
 * kept as holes, because every offset the sync asks for counts them: without them the cached
 * positions would drift from the server's and the removal search would look in the wrong place.
 */
export interface Slot {
  /** Identity of the save: the same track saved again later is a different save. */
  key: string;
  addedAt: string;
  track: StoredTrack | null;
}

/** A skipped item, stored beside the tracks it sits among. */
export interface Hole {
  /** Number of tracks of the same list that come before it. */
  before: number;
  addedAt: string;
}

/** How chunks and staged pages store slots: tracks as readers want them, holes aside. */
export interface SlotList {
  tracks: StoredTrack[];
  holes: Hole[];
}

/**
 * `uri@addedAt`. Local-file URIs are form-encoded, so `@` never occurs inside a URI. Holes have
 * no URI: two of them saved in the same second share a key, which at worst sends the next
 * incremental sync to a full one.
 */
export function slotKeyOf(uri: string, addedAt: string): string {
  return `${uri}@${addedAt}`;
}

export function trackSlot(track: StoredTrack): Slot {
  return { key: slotKeyOf(track.uri, track.addedAt), addedAt: track.addedAt, track };
}

export function holeSlot(addedAt: string): Slot {
  return { key: slotKeyOf('', addedAt), addedAt, track: null };
}

export function slotsOf(list: SlotList): Slot[] {
  const slots: Slot[] = [];
  let hole = 0;
  list.tracks.forEach((track, index) => {
    while (hole < list.holes.length && list.holes[hole]!.before <= index) {
      slots.push(holeSlot(list.holes[hole++]!.addedAt));
    }
    slots.push(trackSlot(track));
  });
  while (hole < list.holes.length) slots.push(holeSlot(list.holes[hole++]!.addedAt));
  return slots;
}

export function slotListOf(slots: readonly Slot[]): SlotList {
  const list: SlotList = { tracks: [], holes: [] };
  for (const slot of slots) {
    if (slot.track) list.tracks.push(slot.track);
    else list.holes.push({ before: list.tracks.length, addedAt: slot.addedAt });
  }
  return list;
}
