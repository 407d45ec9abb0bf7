import type { StoredTrack } from '../tracks/stored-track';
import { tokenizeQuery } from '../search/fold';
import { createLibrarySearch, type SearchOutcome } from '../search/search-library';
import { monthOfAddedAt } from './added-at';
import { monthGroups, type MonthGroup, type MonthIndex } from './months';
import { defaultCollator, orderedPositions, textSortIndex, type SortIndex } from './sort-index';
import type { SortField, SortSpec } from './sort-spec';
import { isTextSortField, numericTrackSortIndex, sortTexts } from './track-sort';

/** What the user asked the list to show. */
export interface ViewSpec {
  /** The search box: the popup's search (SPEC §7), every token must match. */
  query: string;
  /** A month picked in the chart, or null for all. */
  month: MonthIndex | null;
  sort: SortSpec;
}

export interface LibraryView {
  /** Positions in the library (0 = newest saved) in display order. */
  positions: Int32Array;
  /** `typo` when nothing matched exactly and these are one-typo matches (SPEC §7). */
  searchKind: SearchOutcome['kind'];
}

/**
 * Ranks texts by the user's collator (`textSortIndex`). Ranking 100k distinct titles takes
 * ~300 ms, so the page does it in a worker; tests do it in place (`rankTextsInPlace`).
 */
export type TextRanker = (texts: readonly string[]) => Promise<SortIndex>;

export function rankTextsInPlace(collator: Intl.Collator = defaultCollator()): TextRanker {
  return (texts) => Promise.resolve(textSortIndex(texts, collator));
}

/** The loaded library, ready to be filtered, sorted and charted. */
export interface LibraryModel {
  /** Newest saved first. */
  readonly tracks: readonly StoredTrack[];
  /** Tracks saved per month, oldest month first, for the chart. */
  readonly months: readonly MonthGroup[];
  /** Whether `view` can sort by `field` now. Numeric fields always can. */
  canSort(field: SortField): boolean;
  /** Ranks the library by a text field (once); `view` can sort by it afterwards. */
  prepareSort(field: SortField): Promise<void>;
  /** The list for `spec`, or null when its sort field is not prepared yet. */
  view(spec: ViewSpec): LibraryView | null;
}

/**
 * `searchKeys[i]` must be the search key of `tracks[i]` (both newest saved first, from the
 * same library version). Sort indexes are built the first time their field is asked for.
 */
export function createLibraryModel(tracks: readonly StoredTrack[], searchKeys: readonly string[], rankTexts: TextRanker): LibraryModel {
  if (searchKeys.length !== tracks.length) {
    throw new RangeError(`${searchKeys.length} search keys for ${tracks.length} tracks`);
  }
  const search = createLibrarySearch(searchKeys);
  const monthOf = Int32Array.from(tracks, (track) => monthOfAddedAt(track.addedAt));
  const sortIndexes = new Map<SortField, SortIndex>();
  const preparing = new Map<SortField, Promise<void>>();

  function sortIndex(field: SortField): SortIndex | null {
    let index = sortIndexes.get(field);
    if (!index && !isTextSortField(field)) {
      index = numericTrackSortIndex(tracks, field);
      sortIndexes.set(field, index);
    }
    return index ?? null;
  }

  function keepMask(query: string, month: MonthIndex | null): { keep: Uint8Array | null; kind: SearchOutcome['kind'] } {
    // No tokens lists everything: skip the search, whose answer would be every position.
    const outcome = tokenizeQuery(query).length === 0 ? null : search.search(query, { limit: tracks.length });
    let keep: Uint8Array | null = null;
    if (outcome !== null) {
      keep = new Uint8Array(tracks.length);
      for (const position of outcome.positions) keep[position] = 1;
    }
    if (month !== null) {
      keep ??= new Uint8Array(tracks.length).fill(1);
      for (let position = 0; position < tracks.length; position++) {
        if (monthOf[position] !== month) keep[position] = 0;
      }
    }
    return { keep, kind: outcome?.kind ?? 'all' };
  }

  return {
    tracks,
    months: monthGroups(monthOf),
    canSort: (field) => !isTextSortField(field) || sortIndexes.has(field),
    prepareSort(field) {
      if (!isTextSortField(field) || sortIndexes.has(field)) return Promise.resolve();
      let prepared = preparing.get(field);
      if (!prepared) {
        prepared = rankTexts(sortTexts(tracks, field)).then(
          (index) => {
            sortIndexes.set(field, index);
          },
          (error: unknown) => {
            preparing.delete(field); // Let a later attempt try again.
            throw error;
          },
        );
        preparing.set(field, prepared);
      }
      return prepared;
    },
    view({ query, month, sort }) {
      const index = sortIndex(sort.field);
      if (!index) return null;
      const { keep, kind } = keepMask(query, month);
      return { positions: orderedPositions(index, sort.direction, keep), searchKind: kind };
    },
  };
}
