import * as v from 'valibot';
import { t } from '../i18n';
import type { RequestOptions, SpotifyApi } from './api-client';
import { UnexpectedResponseError } from './errors';

/**
 * The Web API endpoints Tracklight calls, one function each, so that no call site spells a path.
 * Every one goes through the paced client it is given (api-client.ts), as before. Bodies whose
 * shape decides a caller's own error (a malformed page is the sync's MalformedPageError, a
 * profile without an id is a sign-in error) are returned as `unknown` and validated by that
 * caller where they enter; the others are validated here.
 */

const ContainsAnswer = v.array(v.boolean());

/** SPEC §3: `PUT`/`DELETE /me/library` and `GET /me/library/contains` take at most 40 URIs a call. */
export const MAX_URIS_PER_CALL = 40;

/** Whether each of these URIs (at most 40) is in the user's library, in the same order. */
export async function contains(api: SpotifyApi, uris: readonly string[]): Promise<boolean[]> {
  const answer = v.safeParse(ContainsAnswer, await api.get('/me/library/contains', { uris: uris.join(',') }));
  if (!answer.success || answer.output.length !== uris.length) {
    throw new UnexpectedResponseError(t('errors.unexpectedCheck'));
  }
  return answer.output;
}

/** `GET /me/tracks`: one Web API page of saved tracks, newest first (no `market`: SPEC §3). Validated by saved-tracks.ts. */
export function savedTracksPage(api: SpotifyApi, query: { limit: number; offset: number }, options?: RequestOptions): Promise<unknown> {
  return api.get('/me/tracks', query, options);
}

/** `PUT /me/library`: save these URIs (comma-separated, at most 40). */
export async function save(api: SpotifyApi, uris: string, options?: RequestOptions): Promise<void> {
  await api.put('/me/library', { uris }, options);
}

/** `DELETE /me/library`: remove these URIs (comma-separated, at most 40). */
export async function remove(api: SpotifyApi, uris: string, options?: RequestOptions): Promise<void> {
  await api.delete('/me/library', { uris }, options);
}

/** `GET /tracks/{id}`: one track. Validated by track-details.ts. */
export function track(api: SpotifyApi, trackId: string): Promise<unknown> {
  return api.get(`/tracks/${trackId}`);
}

/** `GET /me`: the signed-in user's profile. Validated by the account controller. */
export function me(api: SpotifyApi, options?: RequestOptions): Promise<unknown> {
  return api.get('/me', undefined, options);
}
