/**
 * The Spotify Web API objects the stand-in serves, as they travel on the wire.
 *
 * Names follow `components.schemas` of ../shared/spotify-web-api/fixed-spotify-open-api.yml.
 * Where real Spotify sends `null` although the schema says `string` (local files), the type
 * says so too: the stand-in mirrors Spotify, not the schema's optimism.
 */

export interface ExternalUrlObject {
  spotify?: string;
}

export interface ImageObject {
  url: string;
  height: number | null;
  width: number | null;
}

export interface SimplifiedArtistObject {
  external_urls: ExternalUrlObject;
  href: string | null;
  id: string | null;
  name: string;
  type: 'artist';
  uri: string | null;
}

export type AlbumType = 'album' | 'single' | 'compilation';
export type ReleaseDatePrecision = 'year' | 'month' | 'day';

export interface SimplifiedAlbumObject {
  album_type: AlbumType;
  total_tracks: number;
  available_markets: readonly string[];
  external_urls: ExternalUrlObject;
  href: string;
  id: string;
  images: ImageObject[];
  name: string;
  release_date: string;
  release_date_precision: ReleaseDatePrecision;
  type: 'album';
  uri: string;
  artists: SimplifiedArtistObject[];
}

export interface TrackObject {
  album: SimplifiedAlbumObject;
  artists: SimplifiedArtistObject[];
  available_markets: readonly string[];
  disc_number: number;
  duration_ms: number;
  explicit: boolean;
  external_ids: { isrc: string };
  external_urls: ExternalUrlObject;
  href: string;
  id: string;
  is_local: false;
  is_playable: boolean;
  /** Present only when playback is restricted (with `is_playable: false`). */
  restrictions?: { reason: 'market' | 'product' | 'explicit' };
  name: string;
  popularity: number;
  preview_url: string | null;
  track_number: number;
  type: 'track';
  uri: string;
}

/**
 * A local file the user added to Spotify on their computer. Spotify sends it with `null`
 * ids, hrefs and release data, an empty `external_ids`, and a `spotify:local:` URI.
 */
export interface LocalTrackObject {
  album: {
    album_type: null;
    artists: [];
    available_markets: readonly string[];
    external_urls: Record<string, never>;
    href: null;
    id: null;
    images: [];
    name: string;
    release_date: null;
    release_date_precision: null;
    type: 'album';
    uri: null;
  };
  artists: SimplifiedArtistObject[];
  available_markets: readonly string[];
  disc_number: number;
  duration_ms: number;
  explicit: false;
  external_ids: Record<string, never>;
  external_urls: Record<string, never>;
  href: null;
  id: null;
  is_local: true;
  name: string;
  popularity: 0;
  preview_url: null;
  track_number: number;
  type: 'track';
  uri: string;
}

export interface SavedTrackObject {
  /** ISO 8601 UTC with second precision: `2026-10-31T21:04:05Z`. */
  added_at: string;
  track: TrackObject | LocalTrackObject;
}

export interface PagingSavedTrackObject {
  href: string;
  items: unknown[];
  limit: number;
  next: string | null;
  offset: number;
  previous: string | null;
  total: number;
}

export interface PrivateUserObject {
  account_id: string;
  display_name: string;
  external_urls: ExternalUrlObject;
  href: string;
  id: string;
  images: ImageObject[];
  type: 'user';
  uri: string;
}

/** Spotify's error body: `{ error: { status, message } }`, with `reason` on some 429s. */
export interface ErrorResponse {
  error: { status: number; message: string; reason?: string };
}
