import {
  HttpError,
  NetworkError,
  RateLimitedError,
  ServerError,
  SpotifyApiError,
  UnexpectedResponseError,
} from './errors';
import { createMemoryRateGate, type RateGate } from './rate-gate';

/** The Web API as the rest of Tracklight sees it: JSON in, typed errors out. */
export interface SpotifyApi {
  get(path: string, query?: Query, options?: RequestOptions): Promise<unknown>;
  put(path: string, query?: Query, options?: RequestOptions): Promise<unknown>;
  delete(path: string, query?: Query, options?: RequestOptions): Promise<unknown>;
  /** Requests sent so far (each retry counts), for request budgets in tests and the bench. */
  readonly requestCount: number;
}

export type Query = Record<string, string | number>;

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * False: a request that may have reached Spotify without its answer reaching us (a dropped
   * connection, a timeout, a 5xx, a body cut short) is not sent again; its NetworkError or
   * ServerError goes to the caller, who finds out what happened. The restore asks `contains`
   * rather than save a track twice. 429 and 401 are still retried: Spotify did nothing then.
   */
  retryUnanswered?: boolean;
}

export interface AccessTokens {
  /** A token valid for at least a little while (refreshing first when it is about to expire). */
  get(): Promise<string>;
  /** Called once after Spotify rejected `rejected` with 401; resolves to a fresh token. */
  refresh(rejected: string): Promise<string>;
}

export interface SpotifyApiOptions {
  apiBase: string;
  tokens: AccessTokens;
  fetch?: typeof fetch;
  rateGate?: RateGate;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** False when the browser knows it is offline: fail at once instead of retrying. */
  isOnline?: () => boolean;
  /** Retries after a 5xx, a timeout or a dropped connection. */
  maxRetries?: number;
  timeoutMs?: number;
}

/** SPEC §3: a Retry-After longer than this pauses the caller instead of waiting inline. */
export const LONGEST_INLINE_WAIT_MS = 60_000;
const MAX_RATE_LIMIT_RETRIES = 8;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

export function createSpotifyApi(options: SpotifyApiOptions): SpotifyApi {
  const {
    apiBase,
    tokens,
    fetch: fetchImpl = globalThis.fetch.bind(globalThis),
    rateGate = createMemoryRateGate(),
    now = Date.now,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    isOnline = () => true,
    maxRetries = 4,
    timeoutMs = 20_000,
  } = options;
  let requestCount = 0;

  async function waitForRateGate(signal: AbortSignal | undefined): Promise<void> {
    const wait = rateGate.blockedUntil() - now();
    if (wait <= 0) return;
    if (wait > LONGEST_INLINE_WAIT_MS || rateGate.quotaExceeded()) {
      throw new RateLimitedError(rateGate.blockedUntil(), rateGate.quotaExceeded());
    }
    await sleep(wait);
    if (signal?.aborted) throw signal.reason;
    // Another request may have extended the window while we slept.
    return waitForRateGate(signal);
  }

  /** Full jitter (AWS architecture blog): spreads retries of concurrent pages apart. */
  function backoffDelay(attempt: number): number {
    return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
  }

  async function send(
    method: string,
    path: string,
    query: Query | undefined,
    requestOptions: RequestOptions = {},
  ): Promise<unknown> {
    const url = new URL(apiBase + path);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));

    const retries = requestOptions.retryUnanswered === false ? 0 : maxRetries;
    let refreshed = false;
    let failures = 0;
    let rateLimits = 0;
    for (;;) {
      if (!isOnline()) throw new NetworkError('The browser is offline.');
      await waitForRateGate(requestOptions.signal);
      const token = await tokens.get();
      let response: Response;
      try {
        requestCount += 1;
        const timeout = AbortSignal.timeout(timeoutMs);
        response = await fetchImpl(url, {
          method,
          headers: { Authorization: `Bearer ${token}` },
          signal: requestOptions.signal ? AbortSignal.any([requestOptions.signal, timeout]) : timeout,
        });
      } catch (error) {
        if (requestOptions.signal?.aborted) throw requestOptions.signal.reason;
        if (failures >= retries || !isOnline()) {
          throw new NetworkError(`Could not reach Spotify: ${describe(error)}`);
        }
        await sleep(backoffDelay(failures++));
        continue;
      }

      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await response.body?.cancel();
        await tokens.refresh(token);
        continue;
      }
      if (response.status === 429) {
        // Close the gate before reading the body, so no concurrent request starts meanwhile.
        const resumeAt = now() + retryAfterMs(response);
        rateGate.block(resumeAt, false);
        const body = await readJson(response).catch(() => undefined);
        const quotaExceeded = errorReason(body) === 'QUOTA_EXCEEDED';
        if (quotaExceeded) rateGate.block(resumeAt, true);
        if (quotaExceeded || ++rateLimits > MAX_RATE_LIMIT_RETRIES) {
          throw new RateLimitedError(rateGate.blockedUntil(), quotaExceeded);
        }
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        if (failures >= retries) throw new ServerError(response.status);
        await sleep(backoffDelay(failures++));
        continue;
      }
      if (!response.ok) {
        const body = await readJson(response).catch(() => undefined);
        throw new HttpError(response.status, errorMessage(body) ?? `Spotify refused the request (HTTP ${response.status})`);
      }
      try {
        return await readJson(response);
      } catch (error) {
        if (error instanceof SpotifyApiError) throw error;
        // The body broke off mid-way (a dropped connection): worth a retry like any network error.
        if (failures >= retries) throw new NetworkError(`Spotify's answer broke off: ${describe(error)}`);
        await sleep(backoffDelay(failures++));
      }
    }
  }

  return {
    get: (path, query, requestOptions) => send('GET', path, query, requestOptions),
    put: (path, query, requestOptions) => send('PUT', path, query, requestOptions),
    delete: (path, query, requestOptions) => send('DELETE', path, query, requestOptions),
    get requestCount() {
      return requestCount;
    },
  };
}

/** Empty bodies (PUT/DELETE) give undefined; anything that is not JSON is Spotify misbehaving. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new UnexpectedResponseError(`Spotify sent something that is not JSON (HTTP ${response.status}).`);
  }
}

/** Retry-After is in seconds; Spotify always sends it on 429, but a missing one must not mean "now". */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

function errorBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
}

function errorReason(body: unknown): string | undefined {
  const reason = errorBody(body)?.reason ?? (body as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function errorMessage(body: unknown): string | undefined {
  const message = errorBody(body)?.message;
  return typeof message === 'string' ? message : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
