import { t } from '../i18n';
import * as v from 'valibot';
import type { SpotifyApi } from './api-client';
import { UnexpectedResponseError } from './errors';

const ContainsAnswer = v.array(v.boolean());

/** SPEC §3: `PUT`/`DELETE /me/library` and `GET /me/library/contains` take at most 40 URIs a call. */
export const MAX_URIS_PER_CALL = 40;

/** Whether each of these URIs (at most 40) is in the user's library, in the same order. */
export async function libraryContains(api: SpotifyApi, uris: readonly string[]): Promise<boolean[]> {
  const answer = v.safeParse(ContainsAnswer, await api.get('/me/library/contains', { uris: uris.join(',') }));
  if (!answer.success || answer.output.length !== uris.length) {
    throw new UnexpectedResponseError(t('errors.unexpectedCheck'));
  }
  return answer.output;
}
