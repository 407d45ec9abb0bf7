import { describe, expect, it } from 'vitest';
import { createLibraryModel, rankTextsInPlace, type ViewSpec } from '../../../lib/library-view/library-model';
import { listedRows, ShownViewKeeper, tracksToExport } from '../../../lib/library-view/shown-view';
import { DEFAULT_SORT } from '../../../lib/library-view/sort-spec';
import { keysOf, preparedModel, storedTrack } from './tracks';

// Newest saved first.
const library = [storedTrack({ name: 'banana' }), storedTrack({ name: 'Apple' }), storedTrack({ name: 'cherry' })];
const everything: ViewSpec = { query: '', month: null, sort: DEFAULT_SORT };
const byTitle: ViewSpec = { ...everything, sort: { field: 'title', direction: 'asc' } };

const unpreparedModel = () => createLibraryModel(library, keysOf(library), rankTextsInPlace());
const positionsOf = (state: ReturnType<ShownViewKeeper['show']>) => Array.from(state.shown?.view.positions ?? []);

describe('ShownViewKeeper', () => {
  it('shows the model’s list for the spec, the same list while the spec is the same', async () => {
    const keeper = new ShownViewKeeper();
    const model = await preparedModel(library);
    const first = keeper.show(model, everything);
    expect(first).toMatchObject({ sorting: false, shown: { model } });
    expect(positionsOf(first)).toEqual([0, 1, 2]);
    expect(keeper.show(model, { ...everything, sort: { ...DEFAULT_SORT } }).shown).toBe(first.shown);
    expect(positionsOf(keeper.show(model, byTitle))).toEqual([1, 0, 2]);
  });

  it('keeps the last list up while a text sort is ranked, then shows it sorted', async () => {
    const keeper = new ShownViewKeeper();
    const model = unpreparedModel();
    const before = keeper.show(model, everything);
    const waiting = keeper.show(model, byTitle);
    expect(waiting).toEqual({ shown: before.shown, sorting: true });

    await new Promise<void>((resolve) => keeper.prepareSort(model, 'title', resolve));
    const sorted = keeper.show(model, byTitle);
    expect(sorted.sorting).toBe(false);
    expect(positionsOf(sorted)).toEqual([1, 0, 2]);
  });

  it('shows nothing before there is a model, and the last list when it goes', async () => {
    const keeper = new ShownViewKeeper();
    expect(keeper.show(null, everything)).toEqual({ shown: null, sorting: false });
    const shown = keeper.show(await preparedModel(library), everything).shown;
    expect(keeper.show(null, everything)).toEqual({ shown, sorting: false });
  });

  it('does not call back once cancelled, nor after a failed ranking, which is tried again when asked again', async () => {
    const keeper = new ShownViewKeeper();
    let attempts = 0;
    const flaky = (texts: readonly string[]) => (++attempts === 1 ? Promise.reject(new Error('worker died')) : rankTextsInPlace()(texts));
    const model = createLibraryModel(library, keysOf(library), flaky);
    const calls: string[] = [];
    keeper.prepareSort(model, 'title', () => calls.push('failed'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.canSort('title')).toBe(false);

    const cancel = keeper.prepareSort(model, 'title', () => calls.push('cancelled'));
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.canSort('title')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('exports the list as shown, or the whole library', async () => {
    const model = await preparedModel(library);
    const shown = new ShownViewKeeper().show(model, byTitle).shown!;
    const names = ({ count, trackAt }: ReturnType<typeof tracksToExport>) => Array.from({ length: count }, (_, index) => trackAt(index).name);
    expect(names(tracksToExport(shown, 'view'))).toEqual(['Apple', 'banana', 'cherry']);
    expect(names(tracksToExport(shown, 'library'))).toEqual(['banana', 'Apple', 'cherry']);
  });

  it('lists the list shown, else the newest tracks read first, else nothing', async () => {
    const shown = new ShownViewKeeper().show(await preparedModel(library), byTitle).shown!;
    expect(listedRows(shown, library.slice(0, 1))).toEqual({ tracks: library, positions: Int32Array.from([1, 0, 2]) });
    expect(listedRows(null, library.slice(0, 2))).toEqual({ tracks: library.slice(0, 2), positions: Int32Array.from([0, 1]) });
    expect(listedRows(null, null)).toEqual({ tracks: [], positions: new Int32Array(0) });
  });
});
