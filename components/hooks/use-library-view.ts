import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryModel, LibraryView, ViewSpec } from '../../lib/library-view/library-model';

export interface ShownView {
  model: LibraryModel;
  view: LibraryView;
}

/**
 * The list for `spec`, and whether a newer one is on its way. A text sort is ranked in a worker
 * the first time it is chosen; meanwhile the last list stays up, with its own model, so tracks
 * and positions always belong together.
 */
export function useLibraryView(model: LibraryModel | null, spec: ViewSpec): { shown: ShownView | null; sorting: boolean } {
  const [preparedCount, setPreparedCount] = useState(0);
  const { query, month, sort } = spec;

  const current = useMemo(() => {
    const view = model?.view({ query, month, sort });
    return model && view ? { model, view } : null;
    // `sort` is compared by its parts; preparedCount re-runs this when a sort becomes ready.
  }, [model, query, month, sort.field, sort.direction, preparedCount]);

  useEffect(() => {
    if (!model || model.canSort(sort.field)) return;
    let active = true;
    model.prepareSort(sort.field).then(
      () => active && setPreparedCount((count) => count + 1),
      () => undefined, // The worker fell back or failed: choosing the sort again retries.
    );
    return () => {
      active = false;
    };
  }, [model, sort.field]);

  const lastShown = useRef<ShownView | null>(null);
  if (current) lastShown.current = current;
  return { shown: current ?? lastShown.current, sorting: model !== null && current === null };
}
