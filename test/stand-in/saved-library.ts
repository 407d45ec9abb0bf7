/**
 * One account's saved tracks on the stand-in, plus the catalog of tracks that exist.
 *
 * The list is what `GET /me/tracks` pages through, newest first. Tests change it between or
 * during requests to play "the user saved or removed something on another device":
 *
 *   library.saved()               current items, newest first (a copy)
 *   library.savedIds()            their track ids (local files and odd items skipped)
 *   library.add(3)                3 tracks at the head, added_at = now (catalog, then fresh)
 *   library.add([track, ...])     these tracks at the head
 *   library.removeAt([0, 500])    by position in the current list
 *   library.removeIds([id, ...])  by track id
 *   library.insertRaw(item, 7)    anything at position 7: `{ added_at, track: null }`, a
 *                                 track missing fields, null ids ... (for robustness tests)
 *   library.unsavedIds()          catalog tracks not saved (GET /tracks/{id} finds them)
 *   library.otherVersionOf(id)    an unsaved track with the same ISRC as saved track `id`
 *   library.makeUnavailable(27)   27 saved tracks, spread through the list, that pages leave
 *                                 out while `total` still counts them (a real account showed
 *                                 total 2630 and returned 2603); `makeUnavailable([ids])` by id
 *   library.availableIds()        the track ids the pages return (savedIds() minus those)
 */
import type { Clock } from './clock';
import { generateLibraryAndCatalog, isoSeconds, type GeneratedLibrary, type LibraryOptions } from './library';
import { hashString, Random } from './random';
import type { SavedTrackObject, TrackObject } from './spotify-types';

export class SavedLibrary {
  /** Newest first. Mostly SavedTrackObjects, but `insertRaw` may put anything here. */
  #items: unknown[];
  /** Saved track id → its item, for `contains` and saves in constant time. */
  readonly #savedById = new Map<string, SavedTrackObject>();
  /** Every track that exists: saved, in the catalog, or saved once and removed. */
  readonly #tracksById = new Map<string, TrackObject>();
  /** The catalog's unsaved tracks in a stable order, for `add(count)` and `unsavedIds()`. */
  readonly #catalogIds: string[];
  readonly #otherVersions: ReadonlyMap<string, string>;
  readonly #clock: Clock;
  readonly #freshOptions: Omit<LibraryOptions, 'size'>;
  #freshBatches = 0;
  /** Saved items the pages leave out; they keep their place, so every offset counts them. */
  readonly #unavailable = new Set<unknown>();

  /** `freshOptions`: how to generate tracks when `add(count)` runs out of catalog tracks. */
  constructor(library: GeneratedLibrary, clock: Clock, freshOptions: Omit<LibraryOptions, 'size'>) {
    this.#items = [...library.saved];
    this.#clock = clock;
    this.#freshOptions = freshOptions;
    this.#otherVersions = library.otherVersions;
    this.#catalogIds = library.unsaved.map((track) => track.id);
    for (const track of library.unsaved) this.#tracksById.set(track.id, track);
    for (const item of this.#items) this.#index(item);
  }

  get total(): number {
    return this.#items.length;
  }

  /**
   * The items of one page, by slicing (no copy of the library). Unavailable items are cut from
   * the slice after it is taken, as the real service does: the page comes back short, and the
   * next offset still counts them.
   */
  page(offset: number, limit: number): unknown[] {
    const slice = this.#items.slice(offset, offset + limit);
    return this.#unavailable.size === 0 ? slice : slice.filter((item) => !this.#unavailable.has(item));
  }

  /**
   * Makes saved tracks unavailable: `count` of them at seeded positions spread through the
   * list (never the first, so page 0 shows the head), or these ids. They stay saved
   * (`contains` says true) and counted in `total`.
   */
  makeUnavailable(countOrIds: number | readonly string[]): void {
    if (typeof countOrIds !== 'number') {
      const ids = new Set(countOrIds);
      for (const item of this.#items) if (ids.has(trackIdOf(item) ?? '')) this.#unavailable.add(item);
      return;
    }
    const candidates = Array.from({ length: Math.max(0, this.#items.length - 1) }, (_, index) => index + 1).filter(
      (position) => !this.#unavailable.has(this.#items[position]),
    );
    const random = new Random(hashString(`unavailable ${this.#freshOptions.seed ?? 1}`));
    for (const position of random.shuffle(candidates).slice(0, countOrIds)) this.#unavailable.add(this.#items[position]);
  }

  /** Saved items the pages leave out, local files included. */
  get unavailableCount(): number {
    return this.#unavailable.size;
  }

  /** Saved tracks the pages leave out. */
  unavailableIds(): string[] {
    return this.savedIds().filter((id) => this.#unavailable.has(this.#savedById.get(id)));
  }

  /** The track ids the pages return, newest first. */
  availableIds(): string[] {
    return this.savedIds().filter((id) => !this.#unavailable.has(this.#savedById.get(id)));
  }

  saved(): SavedTrackObject[] {
    return [...this.#items] as SavedTrackObject[];
  }

  savedIds(): string[] {
    const ids: string[] = [];
    for (const item of this.#items) {
      const id = trackIdOf(item);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  isSaved(id: string): boolean {
    return this.#savedById.has(id);
  }

  /** Any track that exists, saved or not. */
  track(id: string): TrackObject | undefined {
    return this.#tracksById.get(id);
  }

  unsavedIds(): string[] {
    return this.#catalogIds.filter((id) => !this.#savedById.has(id));
  }

  otherVersionOf(savedId: string): TrackObject | undefined {
    const otherId = this.#otherVersions.get(savedId);
    return otherId === undefined ? undefined : this.#tracksById.get(otherId);
  }

  /** Saved ids that have an unsaved other version (same ISRC): the `≈` badge cases. */
  idsWithOtherVersion(): string[] {
    return [...this.#otherVersions.keys()].filter((id) => this.#savedById.has(id) && !this.#savedById.has(this.#otherVersions.get(id)!));
  }

  /**
   * Saves tracks at the head, newest first in the given order, with `added_at` = now (never
   * older than the current head, so the list stays sorted). A number takes unsaved catalog
   * tracks (not those serving as another version) and then freshly generated ones. Tracks
   * already saved are left where they are, as Spotify does.
   */
  add(countOrTracks: number | readonly TrackObject[]): SavedTrackObject[] {
    const candidates = typeof countOrTracks === 'number' ? this.#tracksToAdd(countOrTracks) : countOrTracks;
    const tracks = candidates.filter((track) => !this.#savedById.has(track.id));
    const addedAt = isoSeconds(this.#headTime());
    const added = tracks.map((track) => ({ added_at: addedAt, track }));
    for (const item of added) this.#index(item);
    this.#items = [...added, ...this.#items];
    return added;
  }

  /** `PUT /me/library`: saves the known tracks among `ids`; unknown ids are ignored. */
  save(ids: readonly string[]): void {
    const tracks = [...new Set(ids)].flatMap((id) => this.#tracksById.get(id) ?? []);
    if (tracks.length > 0) this.add(tracks);
  }

  removeIds(ids: readonly string[]): SavedTrackObject[] {
    const doomed = new Set(ids);
    const removed: SavedTrackObject[] = [];
    this.#items = this.#items.filter((item) => {
      const id = trackIdOf(item);
      if (id === undefined || !doomed.has(id)) return true;
      removed.push(item as SavedTrackObject);
      this.#savedById.delete(id);
      this.#unavailable.delete(item);
      return false;
    });
    return removed;
  }

  /** Removes the items at these positions of the current list (any order, duplicates ignored). */
  removeAt(positions: readonly number[]): unknown[] {
    const doomed = [...new Set(positions)].sort((a, b) => b - a);
    const removed: unknown[] = [];
    for (const position of doomed) {
      if (!Number.isInteger(position) || position < 0 || position >= this.#items.length) {
        throw new RangeError(`no item at position ${position} (library has ${this.#items.length})`);
      }
      const [item] = this.#items.splice(position, 1);
      this.#unavailable.delete(item);
      const id = trackIdOf(item);
      if (id !== undefined) this.#savedById.delete(id);
      removed.unshift(item);
    }
    return removed;
  }

  /** Puts any value into the list as is: the stand-in serves whatever a test needs to see. */
  insertRaw(item: unknown, position = 0): void {
    this.#items.splice(position, 0, item);
    this.#index(item);
  }

  #index(item: unknown): void {
    const id = trackIdOf(item);
    if (id === undefined) return;
    const saved = item as SavedTrackObject;
    this.#savedById.set(id, saved);
    if (!this.#tracksById.has(id)) this.#tracksById.set(id, saved.track as TrackObject);
  }

  #headTime(): number {
    const headAddedAt = (this.#items[0] as Partial<SavedTrackObject> | undefined)?.added_at;
    const head = typeof headAddedAt === 'string' ? Date.parse(headAddedAt) : NaN;
    const now = this.#clock.now();
    return Number.isNaN(head) ? now : Math.max(now, head);
  }

  #tracksToAdd(count: number): TrackObject[] {
    const servingAsOtherVersion = new Set(this.#otherVersions.values());
    const tracks = this.unsavedIds()
      .filter((id) => !servingAsOtherVersion.has(id))
      .slice(0, count)
      .map((id) => this.#tracksById.get(id)!);
    if (tracks.length < count) tracks.push(...this.#freshTracks(count - tracks.length));
    return tracks;
  }

  /** Tracks no one has seen yet: a new seeded batch, so runs stay reproducible. */
  #freshTracks(count: number): TrackObject[] {
    const batch = generateLibraryAndCatalog({
      ...this.#freshOptions,
      size: count,
      seed: hashString(`fresh tracks ${this.#freshOptions.seed ?? 1} ${++this.#freshBatches}`),
    });
    const tracks = [...batch.saved.map((item) => item.track), ...batch.unsaved].filter((track): track is TrackObject => !track.is_local);
    for (const track of tracks) this.#tracksById.set(track.id, track);
    return tracks.slice(0, count);
  }
}

/** The track id of a well-formed saved item; undefined for local files and odd items. */
function trackIdOf(item: unknown): string | undefined {
  const track = (item as { track?: { id?: unknown } } | null)?.track;
  const id = track?.id;
  return typeof id === 'string' ? id : undefined;
}
