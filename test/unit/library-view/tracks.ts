import { createLibraryModel, rankTextsInPlace, type LibraryModel, type ViewSpec } from '../../../lib/library-view/library-model';
import { defaultCollator } from '../../../lib/library-view/sort-index';
import { DEFAULT_SORT, SORT_FIELDS } from '../../../lib/library-view/sort-spec';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { generateLibrary } from '../../stand-in/library';

let serial = 0;

/** A stored track with sensible defaults; ids are unique per call. */
export function storedTrack(overrides: Partial<StoredTrack> & { artistNames?: string[] } = {}): StoredTrack {
  const { artistNames, ...fields } = overrides;
  const id = `t${String(++serial).padStart(21, '0')}`;
  return {
    id,
    uri: `spotify:track:${id}`,
    name: `Track ${serial}`,
    artists: (artistNames ?? ['Someone']).map((name, index) => ({ id: `a${index}${id.slice(2)}`, name })),
    album: { id: `b${id.slice(1)}`, name: 'An Album', image: 'https://i.scdn.co/image/ab67616d00004851', releaseDate: '2020-01-01' },
    durationMs: 200_000,
    explicit: false,
    isrc: 'USRC17607839',
    addedAt: '2024-03-15T12:00:00Z',
    isLocal: false,
    isPlayable: true,
    ...fields,
  };
}

/** The stand-in's seeded library as the sync stores it: names in many scripts, local files, ties. */
export function generatedTracks(size: number, seed = 5): StoredTrack[] {
  return generateLibrary({ size, seed }).flatMap((item) => toStoredTrack(item) ?? []);
}

export function keysOf(tracks: readonly StoredTrack[]): string[] {
  return tracks.map(searchKeyOf);
}

/** A model over `tracks` with every sort prepared in place. */
export async function preparedModel(tracks: readonly StoredTrack[], collator = defaultCollator()): Promise<LibraryModel> {
  const model = createLibraryModel(tracks, keysOf(tracks), rankTextsInPlace(collator));
  await Promise.all(SORT_FIELDS.map((field) => model.prepareSort(field)));
  return model;
}

/** The positions a prepared model lists for `spec` (defaults: everything, newest first). */
export function listed(model: LibraryModel, spec: Partial<ViewSpec> = {}): number[] {
  const view = model.view({ query: '', month: null, sort: DEFAULT_SORT, ...spec });
  if (!view) throw new Error('sort not prepared');
  return Array.from(view.positions);
}
