/**
 * A saved track as Tracklight keeps it: only what the popup, the badge, the library page
 * and the export need (SPEC §4). Never `available_markets` or other bulk.
 */
export interface StoredTrack {
  /** Spotify track id; null for a local file. */
  id: string | null;
  /** `spotify:track:ID`, or `spotify:local:…` for a local file: the key that is never null. */
  uri: string;
  name: string;
  artists: StoredArtist[];
  album: StoredAlbum;
  durationMs: number;
  explicit: boolean;
  isrc: string | null;
  /** ISO 8601 time the track was saved, as Spotify reports it. */
  addedAt: string;
  isLocal: boolean;
  /** Only known when Spotify says so; null when the response leaves it out. */
  isPlayable: boolean | null;
}

export interface StoredArtist {
  id: string | null;
  name: string;
}

export interface StoredAlbum {
  id: string | null;
  name: string;
  /** The smallest cover image Spotify offers (about 64 px), or null. */
  image: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as Spotify reports it. */
  releaseDate: string | null;
}
