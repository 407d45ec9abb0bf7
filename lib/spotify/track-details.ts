import { t } from '../i18n';
import { openDB, type DBSchema } from 'idb';
import type { StoredTrack } from '../tracks/stored-track';
import { trackUri } from '../tracks/track-reference';
import type { SpotifyApi } from './api-client';
import { UnexpectedResponseError } from './errors';
import { toStoredTrack } from './saved-tracks';
import { track as getTrack } from './endpoints';

/**
 * Details of tracks that are not saved, for the popup's current track and the `≈` badge:
 * `GET /tracks/{id}` once per id, then kept (SPEC §3). Catalog data, the same for every
 * account, so it lives in its own small database beside the libraries.
 */
export type TrackDetails = Omit<StoredTrack, 'addedAt'>;

interface TrackDetailsDb extends DBSchema {
  tracks: {
    key: string;
    value: { uri: string; track: TrackDetails; fetchedAt: number };
    indexes: { fetchedAt: number };
  };
}

const KEEP_AT_MOST = 2000;

export interface TrackDetailsCache {
  /** Cached details, else one request; throws the API's errors (offline: NetworkError). */
  get(trackId: string): Promise<TrackDetails>;
  /** Cached details only (no request). */
  peek(trackId: string): Promise<TrackDetails | null>;
}

export function createTrackDetailsCache(api: SpotifyApi, now: () => number = Date.now): TrackDetailsCache {
  const database = openDB<TrackDetailsDb>('tracklight-track-details', 1, {
    upgrade(db) {
      db.createObjectStore('tracks', { keyPath: 'uri' }).createIndex('fetchedAt', 'fetchedAt');
    },
  });
  const inFlight = new Map<string, Promise<TrackDetails>>();

  async function peek(trackId: string): Promise<TrackDetails | null> {
    return (await (await database).get('tracks', trackUri(trackId)))?.track ?? null;
  }

  async function fetchAndKeep(trackId: string): Promise<TrackDetails> {
    const body = await getTrack(api, trackId);
    const stored = toStoredTrack({ added_at: new Date(now()).toISOString(), track: body });
    if (!stored || stored.id !== trackId) throw new UnexpectedResponseError(t('errors.unexpectedTrack'));
    const { addedAt: _addedAt, ...track } = stored;
    const db = await database;
    await db.put('tracks', { uri: track.uri, track, fetchedAt: now() });
    if ((await db.count('tracks')) > KEEP_AT_MOST) {
      const oldest = await db.transaction('tracks', 'readwrite').store.index('fetchedAt').openCursor();
      await oldest?.delete();
    }
    return track;
  }

  return {
    peek,
    async get(trackId) {
      const cached = await peek(trackId);
      if (cached) return cached;
      let pending = inFlight.get(trackId);
      if (!pending) {
        pending = fetchAndKeep(trackId).finally(() => inFlight.delete(trackId));
        inFlight.set(trackId, pending);
      }
      return pending;
    },
  };
}
