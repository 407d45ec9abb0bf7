import { searchKeyOf } from '../../lib/search/search-key';
import { createLibrarySearch } from '../../lib/search/search-library';
import { toStoredTrack } from '../../lib/spotify/saved-tracks';
import type { StandIn } from '../stand-in/server';

/** Rows the popup renders before any scrolling (components/popup/SearchPanel.tsx). */
export const ROWS_SHOWN = 15;

/** What the popup must list for `query`: the same search over the stand-in's saved tracks. */
export function expectedResults(standIn: StandIn, query: string, limit: number): { ids: string[]; total: number } {
  const tracks = standIn.library.saved().flatMap((item) => toStoredTrack(item) ?? []);
  const { positions, total } = createLibrarySearch(tracks.map(searchKeyOf)).search(query, { limit });
  return { ids: positions.map((position) => tracks[position]!.id ?? tracks[position]!.uri), total };
}

/** The first word of the artist of a track somewhere in the library, to search for. */
export function wordOfArtistAt(standIn: StandIn, position: number): string {
  const track = toStoredTrack(standIn.library.saved()[position])!;
  return track.artists[0]!.name.split(' ')[0]!;
}
