/** What a result row shows and links to: the part of a StoredTrack (which is one) the popup lists. */
export interface ListedTrack {
  id: string | null;
  uri: string;
  name: string;
  artists: ReadonlyArray<{ name: string }>;
  album: { name: string; image: string | null };
  durationMs: number;
  addedAt: string;
}

type ListedRow = [id: string | null, uri: string, name: string, artists: string[], album: string, image: string | null, durationMs: number, addedAt: string];

/**
 * A listed track as one string. The page keeps the whole library this way, one flat string
 * per track: 100,000 of them are ~20 MB its garbage collector passes over at once, where as
 * StoredTrack objects (six objects each) they were ~150 MB it kept walking. JSON, so that any
 * character a title may hold survives.
 */
export function packListedTrack(track: ListedTrack): string {
  const row: ListedRow = [
    track.id,
    track.uri,
    track.name,
    track.artists.map((artist) => artist.name),
    track.album.name,
    track.album.image,
    track.durationMs,
    track.addedAt,
  ];
  return JSON.stringify(row);
}

export function unpackListedTrack(packed: string): ListedTrack {
  const [id, uri, name, artists, album, image, durationMs, addedAt] = JSON.parse(packed) as ListedRow;
  return { id, uri, name, artists: artists.map((artist) => ({ name: artist })), album: { name: album, image }, durationMs, addedAt };
}
