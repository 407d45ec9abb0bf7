import { t } from '../i18n';
import * as v from 'valibot';

/** Everything that can go wrong talking to Spotify, typed so callers map it to a state. */
export class SpotifyApiError extends Error {
  override name = 'SpotifyApiError';
}

/** Spotify asked us to wait longer than we are willing to wait inline (SPEC §3: over 60 s). */
export class RateLimitedError extends SpotifyApiError {
  override name = 'RateLimitedError';
  constructor(
    readonly resumeAt: number,
    readonly quotaExceeded: boolean,
  ) {
    super(quotaExceeded ? t('errors.quotaUntil', { at: new Date(resumeAt).toISOString() }) : t('errors.waitUntil', { at: new Date(resumeAt).toISOString() }));
  }
}

/** No network: the request never got an answer (offline, DNS, dropped connection, timeout). */
export class NetworkError extends SpotifyApiError {
  override name = 'NetworkError';
}

/** Spotify kept answering 5xx after the bounded retries. */
export class ServerError extends SpotifyApiError {
  override name = 'ServerError';
  constructor(readonly status: number) {
    super(t('errors.serverTrouble', { status }));
  }
}

/** The refresh token no longer works: the user has to sign in again. */
export class SessionEndedError extends SpotifyApiError {
  override name = 'SessionEndedError';
  constructor(
    message = t('errors.sessionEnded'),
    /** Set when the cause is one the user must fix before signing in again. */
    readonly problem?: Extract<SpotifyProblem, 'invalid-client'>,
  ) {
    super(message);
  }
}

/** Not signed in at all. */
export class NotSignedInError extends SpotifyApiError {
  override name = 'NotSignedInError';
  constructor() {
    super(t('errors.notSignedIn'));
  }
}

/** The answer was not what the Web API promises (bad JSON, wrong shape). */
export class UnexpectedResponseError extends SpotifyApiError {
  override name = 'UnexpectedResponseError';
}

/** Any other refusal (4xx) with Spotify's own message. */
export class HttpError extends SpotifyApiError {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * SPEC §3: what a Spotify app in development mode refuses until its owner fixes something,
 * each shown as `[data-problem]` with the fix in words.
 */
export type SpotifyProblem = 'premium-required' | 'user-not-registered' | 'invalid-client' | 'redirect-uri';

/** The two refusals the Web API itself answers (403), on `/me` and on every other call. */
export type WebApiRefusal = Extract<SpotifyProblem, 'premium-required' | 'user-not-registered'>;

/** A development-mode 403: no retry helps until the app's owner acts (SPEC §3). */
export class RefusedError extends SpotifyApiError {
  override name = 'RefusedError';
  constructor(readonly problem: WebApiRefusal) {
    super(problem === 'premium-required' ? t('errors.premiumRequired') : t('errors.userNotRegistered'));
  }
}

/** What an error body says, whichever way it came (Spotify's JSON error object, an OAuth error, plain text). */
export interface ErrorBody {
  message: string | null;
  /** `QUOTA_EXCEEDED`, …, when the JSON names one. */
  reason: string | null;
}

const WebApiErrorBody = v.object({
  error: v.object({
    status: v.optional(v.number()),
    message: v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
});
const ReasonOnlyBody = v.object({ reason: v.string(), message: v.optional(v.string()) });
const OAuthErrorBody = v.object({ error: v.string(), error_description: v.optional(v.string()) });

/** A plain-text body longer than this is a page, not a message. */
const MAX_TEXT_MESSAGE = 500;

/**
 * Reads an error body. Spotify answers the Web API's `{"error":{"status","message"}}`, but
 * development-mode refusals and rate limits have also come as the bare sentence in a text
 * body (SPEC §3); an HTML page gives no message.
 */
export function parseErrorBody(text: string): ErrorBody {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    const isMessage = trimmed !== '' && trimmed.length <= MAX_TEXT_MESSAGE && !trimmed.startsWith('<');
    return { message: isMessage ? trimmed : null, reason: null };
  }
  const webApi = v.safeParse(WebApiErrorBody, json);
  if (webApi.success) return { message: webApi.output.error.message ?? null, reason: webApi.output.error.reason ?? null };
  const reasonOnly = v.safeParse(ReasonOnlyBody, json);
  if (reasonOnly.success) return { message: reasonOnly.output.message ?? null, reason: reasonOnly.output.reason };
  const oauth = v.safeParse(OAuthErrorBody, json);
  if (oauth.success) return { message: oauth.output.error_description ?? oauth.output.error, reason: oauth.output.error };
  return { message: null, reason: null };
}

/** Reads a response's error body; a body that breaks off reads as none. */
export async function readErrorBody(response: Response): Promise<ErrorBody> {
  return parseErrorBody(await response.text().catch(() => ''));
}

/** Which development-mode refusal a 403's message names, by its words rather than all of it. */
export function refusalOf(status: number, body: ErrorBody): WebApiRefusal | null {
  if (status !== 403 || body.message === null) return null;
  if (/premium subscription required/i.test(body.message)) return 'premium-required';
  if (/not registered in the developer dashboard/i.test(body.message)) return 'user-not-registered';
  return null;
}

/** The typed error for a 4xx answer other than 401 and 429. */
export function refusalError(status: number, body: ErrorBody): RefusedError | HttpError {
  const refusal = refusalOf(status, body);
  if (refusal) return new RefusedError(refusal);
  return new HttpError(status, body.message ?? t('errors.requestRefused', { status }));
}
