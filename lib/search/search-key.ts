import type { StoredTrack } from '../tracks/stored-track';
import { ALBUM_FIELD, ARTISTS_FIELD, TITLE_FIELD, fieldMarker } from './key-format';
import { searchWordsOf } from './search-field';

/**
 * The search key the sync stores beside each track, so the popup searches right after one
 * IndexedDB read, with no folding at open: every title, artist and album word, each behind
 * its field's marker (see `key-format.ts`). An album named like its title (most singles) is
 * left out: a match there is always also a title match, which ranks higher, so nothing
 * changes but the bytes.
 */
export function searchKeyOf(track: Pick<StoredTrack, 'name' | 'artists' | 'album'>): string {
  const title = searchWordsOf(track.name);
  const artists: string[] = [];
  for (const artist of track.artists) {
    for (const word of searchWordsOf(artist.name)) artists.push(word);
  }
  const album = searchWordsOf(track.album.name);
  const albumIsTitle = album.join(' ') === title.join(' ');
  return (
    markedWords(title, fieldMarker(TITLE_FIELD)) +
    markedWords(artists, fieldMarker(ARTISTS_FIELD)) +
    (albumIsTitle ? '' : markedWords(album, fieldMarker(ALBUM_FIELD)))
  );
}

function markedWords(words: readonly string[], marker: string): string {
  return words.length === 0 ? '' : marker + words.join(marker);
}
