import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';
import { createLibrarySearch, type LibrarySearch } from '../../../lib/search/search-library';

export type SearchableTrack = Pick<StoredTrack, 'name' | 'artists' | 'album'>;

/** A track with only what search looks at: `track('Halo', 'Beyoncé', 'I Am… Sasha Fierce')`. */
export function track(name: string, artists: string | string[] = [], album = ''): SearchableTrack {
  return {
    name,
    artists: (Array.isArray(artists) ? artists : [artists]).map((artist) => ({
      id: null,
      name: artist,
    })),
    album: { id: null, name: album, image: null, releaseDate: null },
  };
}

/** A search over `tracks`, given newest saved first, as the popup builds it from stored keys. */
export function searchOver(tracks: readonly SearchableTrack[]): LibrarySearch {
  return createLibrarySearch(tracks.map(searchKeyOf));
}
