import type { ListedTrack } from './listed-track';

/**
 * The newest tracks of one version of the library, as a popup last read them from IndexedDB:
 * what the next popup shows first. It is read together with the status, where reading it from
 * IndexedDB first takes opening the database (~25 ms) and reading chunk 0 (~12 ms) out of the
 * 150 ms SPEC §8 gives from opening to first results.
 *
 * It stands for the library only at the account and AppStatus `libraryVersion` it names:
 * every change to the library moves that version, and storage.session forgets both when the
 * browser restarts. Like the status, content scripts cannot read it (SECURITY.md).
 */
export interface FirstScreen {
  accountKey: string;
  libraryVersion: number;
  /** Tracks per chunk (`readChunkSizes`), so that positions past these tracks find their chunk. */
  sizes: number[];
  newest: ListedTrack[];
}

/** The first screen if it is of this account's library at this version, else null. */
export function currentFirstScreen(screen: FirstScreen | null | undefined, accountKey: string | null, libraryVersion: number): FirstScreen | null {
  return screen && screen.accountKey === accountKey && screen.libraryVersion === libraryVersion ? screen : null;
}

/** Only what a row shows: a StoredTrack carries more (ISRC, release date…). */
export function listedTrackOf({ id, uri, name, artists, album, durationMs, addedAt }: ListedTrack): ListedTrack {
  return {
    id,
    uri,
    name,
    artists: artists.map((artist) => ({ name: artist.name })),
    album: { name: album.name, image: album.image },
    durationMs,
    addedAt,
  };
}
