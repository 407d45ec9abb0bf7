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
    super(
      quotaExceeded
        ? `Spotify's request quota for this app is used up; trying again at ${new Date(resumeAt).toISOString()}`
        : `Spotify asked to wait until ${new Date(resumeAt).toISOString()}`,
    );
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
    super(`Spotify is having trouble (HTTP ${status})`);
  }
}

/** The refresh token no longer works: the user has to sign in again. */
export class SessionEndedError extends SpotifyApiError {
  override name = 'SessionEndedError';
  constructor(message = 'Your Spotify session has ended. Sign in again.') {
    super(message);
  }
}

/** Not signed in at all. */
export class NotSignedInError extends SpotifyApiError {
  override name = 'NotSignedInError';
  constructor() {
    super('Not signed in to Spotify.');
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
