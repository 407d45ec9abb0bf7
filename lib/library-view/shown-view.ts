import type { StoredTrack } from '../tracks/stored-track';
import type { LibraryModel, LibraryView, ViewSpec } from './library-model';
import type { SortField } from './sort-spec';

/** A list with the model it was made of, so that tracks and positions always belong together. */
export interface ShownView {
  model: LibraryModel;
  view: LibraryView;
}

export interface ShownState {
  /** The list for the spec asked for, or the last one shown while that one is being sorted. */
  shown: ShownView | null;
  /** Whether a newer list is on its way (its text sort is being ranked). */
  sorting: boolean;
}

interface Computed {
  model: LibraryModel;
  spec: ViewSpec;
  current: ShownView | null;
}

/**
 * The list the library page shows for a spec. A text sort is ranked (in a worker) the first
 * time it is chosen; meanwhile the last list stays up. Filtering and sorting 100k tracks takes
 * milliseconds, so a list is made again only when the model or the spec changes.
 */
export class ShownViewKeeper {
  #computed: Computed | null = null;
  #lastShown: ShownView | null = null;

  show(model: LibraryModel | null, spec: ViewSpec): ShownState {
    const current = model ? this.#current(model, spec) : null;
    if (current) this.#lastShown = current;
    return { shown: current ?? this.#lastShown, sorting: model !== null && current === null };
  }

  /**
   * Ranks `field` if `model` cannot sort by it yet; `onReady` when it can. Returns the cancel:
   * after it, `onReady` is not called. A failed ranking is tried again when asked again.
   */
  prepareSort(model: LibraryModel, field: SortField, onReady: () => void): () => void {
    if (model.canSort(field)) return () => undefined;
    let active = true;
    model.prepareSort(field).then(
      () => active && onReady(),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }

  #current(model: LibraryModel, spec: ViewSpec): ShownView | null {
    const computed = this.#computed;
    // A list not made for want of its sort is made once the sort is ready.
    if (computed && computed.model === model && sameSpec(computed.spec, spec) && (computed.current || !model.canSort(spec.sort.field))) {
      return computed.current;
    }
    const view = model.view(spec);
    const current = view ? { model, view } : null;
    this.#computed = { model, spec, current };
    return current;
  }
}

function sameSpec(a: ViewSpec, b: ViewSpec): boolean {
  return a.query === b.query && a.month === b.month && a.sort.field === b.sort.field && a.sort.direction === b.sort.direction;
}

export type ExportScope = 'view' | 'library';

/** The tracks an export of `scope` writes: the list as shown, or the whole library. */
export function tracksToExport({ model, view }: ShownView, scope: ExportScope): { count: number; trackAt: (index: number) => StoredTrack } {
  const { tracks } = model;
  if (scope === 'library') return { count: tracks.length, trackAt: (index) => tracks[index] };
  const { positions } = view;
  return { count: positions.length, trackAt: (index) => tracks[positions[index]] };
}

/** The rows the table lists: the list shown, or while none is, the newest tracks read first. */
export function listedRows(shown: ShownView | null, preview: readonly StoredTrack[] | null): { tracks: readonly StoredTrack[]; positions: Int32Array } {
  if (shown) return { tracks: shown.model.tracks, positions: shown.view.positions };
  if (preview) return { tracks: preview, positions: Int32Array.from(preview.keys()) };
  return { tracks: [], positions: new Int32Array(0) };
}
