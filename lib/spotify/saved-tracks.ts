import { t } from '../i18n';
import * as v from 'valibot';
import type { StoredTrack } from '../tracks/stored-track';
import { isTrackId, trackUri } from '../tracks/track-reference';
import type { SpotifyApi } from './api-client';
import { UnexpectedResponseError } from './errors';
import { SavedTrackItemSchema, SavedTracksPageSchema, TrackSchema, type TrackJson } from './saved-tracks-schema';
import { savedTracksPage } from './endpoints';

/** Spotify's largest page for `GET /me/tracks`. */
export const SAVED_TRACKS_PAGE_SIZE = 50;

/** An item Spotify lists but that cannot be kept (`track: null`, no URI): it still takes a place. */
export interface SkippedItem {
  /** Position in the page (0-based). */
  index: number;
  addedAt: string;
}

export interface SavedTracksPage {
  offset: number;
  /** Saved items on the server when this page was read, skipped ones included. */
  total: number;
  /** Usable tracks in page order. */
  items: StoredTrack[];
  skipped: number;
  /** Where the skipped items were: positions must match the server's for the sync's arithmetic. */
  skippedItems: SkippedItem[];
  /**
   * Places of this page Spotify counts in `total` but sent no item for: the page came back
   * short (SPEC §3). Not an error; the next page's offset still counts them.
   */
  unavailable: number;
}

/** A page whose envelope is wrong: nothing from it may be written. */
export class MalformedPageError extends UnexpectedResponseError {
  override name = 'MalformedPageError';
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(t('errors.malformedPage', { offset, detail }));
  }
}

/** `GET /me/tracks` (newest first). No `market` parameter: SPEC §3. */
export async function fetchSavedTracksPage(
  api: SpotifyApi,
  { offset, limit = SAVED_TRACKS_PAGE_SIZE, signal }: { offset: number; limit?: number; signal?: AbortSignal },
): Promise<SavedTracksPage> {
  const body = await savedTracksPage(api, { limit, offset }, { signal });
  const page = v.safeParse(SavedTracksPageSchema, body);
  if (!page.success) throw new MalformedPageError(offset, v.summarize(page.issues));
  const { total, items: rawItems } = page.output;
  // A page longer than asked for would shift every later position.
  if (rawItems.length > limit) throw new MalformedPageError(offset, `${rawItems.length} items for a limit of ${limit}`);
  const due = Math.max(0, Math.min(limit, total - offset));

  const items: StoredTrack[] = [];
  const skippedItems: SkippedItem[] = [];
  rawItems.forEach((raw, index) => {
    const track = toStoredTrack(raw);
    if (track) items.push(track);
    else skippedItems.push({ index, addedAt: addedAtOf(raw) });
  });
  return { offset, total, items, skipped: skippedItems.length, skippedItems, unavailable: Math.max(0, due - rawItems.length) };
}

/** One SavedTrackObject as Tracklight keeps it, or null when it has no track we can key. */
export function toStoredTrack(savedTrack: unknown): StoredTrack | null {
  const item = v.safeParse(SavedTrackItemSchema, savedTrack);
  if (!item.success) return null;
  const parsed = v.safeParse(TrackSchema, item.output.track);
  if (!parsed.success) return null;
  const track = parsed.output;
  const uri = keyUriOf(track);
  if (!uri) return null;
  return {
    id: track.is_local ? null : track.id,
    uri,
    name: track.name,
    artists: track.artists.map((artist) => ({ id: artist.id, name: artist.name })),
    album: {
      id: track.album.id,
      name: track.album.name,
      image: smallestImage(track.album.images),
      releaseDate: track.album.release_date,
    },
    durationMs: track.duration_ms,
    explicit: track.explicit,
    isrc: track.external_ids.isrc,
    addedAt: item.output.added_at,
    isLocal: track.is_local,
    isPlayable: track.is_playable,
  };
}

const TRACK_URI = /^spotify:track:([0-9A-Za-z]{22})$/;

/**
 * The URI a track is keyed by, or null when its id and URI do not name one track the way
 * Spotify writes them (SPEC §5: 22 base62 characters). A malformed or mismatched pair would be
 * stored under a key the badge and the popup never look up, and its id would end up in links.
 */
function keyUriOf(track: TrackJson): string | null {
  if (track.is_local) return track.uri?.startsWith('spotify:local:') ? track.uri : null;
  if (track.id !== null && !isTrackId(track.id)) return null;
  const uri = track.uri ?? (track.id ? trackUri(track.id) : null);
  const idInUri = uri ? TRACK_URI.exec(uri)?.[1] : undefined;
  if (idInUri === undefined || (track.id !== null && idInUri !== track.id)) return null;
  return uri;
}

function addedAtOf(raw: unknown): string {
  const item = v.safeParse(SavedTrackItemSchema, raw);
  return item.success ? item.output.added_at : '';
}

/** Spotify lists covers widest first (640, 300, 64 px): with no sizes given, the last is the smallest. */
function smallestImage(images: TrackJson['album']['images']): string | null {
  let best: (typeof images)[number] | undefined;
  for (const image of images) {
    const size = image.width ?? image.height ?? Number.POSITIVE_INFINITY;
    const bestSize = best ? (best.width ?? best.height ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    if (!best || size <= bestSize) best = image;
  }
  return best?.url ?? null;
}
