import type { StoredTrack } from '../tracks/stored-track';

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
  /** A place Spotify counts in `total` but whose item it never returned (see unavailableSlot). */
  unavailable?: true;
}

/** A skipped item, or an unavailable place, stored beside the tracks it sits among. */
export interface Hole {
  /** Number of tracks of the same list that come before it. */
  before: number;
  addedAt: string;
  unavailable?: true;
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

/** Never a URI: keys of unavailable places match no track and no skipped item. */
const UNAVAILABLE_MARK = '\u0000unavailable';

/**
 * A place Spotify counts in `total` but never returns (SPEC §3: a user saw total 2630 with
 * 2603 items): a page comes back short, and offsets after it still count it. Which of the
 * page's places it was is unknown, so it stands at the end of the page that came back short,
 * with that page's last `added_at`. Its key is the same for every one of them: it is never
 * looked up, only counted, so the cached positions keep matching the server's offsets.
 */
export function unavailableSlot(addedAt: string): Slot {
  return { key: unavailableKeyOf(addedAt), addedAt, track: null, unavailable: true };
}

export function unavailableKeyOf(addedAt: string): string {
  return slotKeyOf(UNAVAILABLE_MARK, addedAt);
}

export function isUnavailableKey(key: string): boolean {
  return key.startsWith(UNAVAILABLE_MARK);
}

function slotOfHole(hole: Hole): Slot {
  return hole.unavailable ? unavailableSlot(hole.addedAt) : holeSlot(hole.addedAt);
}

export function slotsOf(list: SlotList): Slot[] {
  const slots: Slot[] = [];
  let hole = 0;
  list.tracks.forEach((track, index) => {
    while (hole < list.holes.length && list.holes[hole]!.before <= index) slots.push(slotOfHole(list.holes[hole++]!));
    slots.push(trackSlot(track));
  });
  while (hole < list.holes.length) slots.push(slotOfHole(list.holes[hole++]!));
  return slots;
}

export function slotListOf(slots: readonly Slot[]): SlotList {
  const list: SlotList = { tracks: [], holes: [] };
  for (const slot of slots) {
    if (slot.track) list.tracks.push(slot.track);
    else if (slot.unavailable) list.holes.push({ before: list.tracks.length, addedAt: slot.addedAt, unavailable: true });
    else list.holes.push({ before: list.tracks.length, addedAt: slot.addedAt });
  }
  return list;
}

/**
 * Keys of the slots Spotify sends items for. Of a library's first 50 slots, it is what a read
 * of page 0 gives when nothing changed: the `head` an incremental sync compares page 0 with.
 */
export function returnedKeysOf(slots: readonly Slot[]): string[] {
  const keys: string[] = [];
  for (const slot of slots) if (!slot.unavailable) keys.push(slot.key);
  return keys;
}
