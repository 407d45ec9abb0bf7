import { useEffect, useState } from 'preact/hooks';
import type { LibraryModel, ViewSpec } from '../../lib/library-view/library-model';
import { ShownViewKeeper, type ShownState } from '../../lib/library-view/shown-view';

/**
 * The list for `spec` (lib/library-view/shown-view.ts), and whether a newer one is on its way:
 * rendered again when a text sort it waits for is ready.
 */
export function useLibraryView(model: LibraryModel | null, spec: ViewSpec): ShownState {
  const [keeper] = useState(() => new ShownViewKeeper());
  const [, setReadySorts] = useState(0);
  const field = spec.sort.field;

  useEffect(() => {
    if (!model) return;
    return keeper.prepareSort(model, field, () => setReadySorts((count) => count + 1));
  }, [keeper, model, field]);

  return keeper.show(model, spec);
}
