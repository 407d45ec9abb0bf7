import { t } from '../i18n';
import { NetworkError, RateLimitedError, readErrorBody, refusalError, ServerError, SpotifyApiError, UnexpectedResponseError } from './errors';
import { freshPacerRecord, Pacer, realClock, type Priority } from './pacer';

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
  /** `background` (sync pages) leaves part of the rate-limit window to the user's own actions. Default `interactive`. */
  priority?: Priority;
  /** A session not stored yet (sign-in's `GET /me`): its tokens and Client ID, paced like every other call. */
  session?: { clientId: string; tokens: AccessTokens };
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
  /**
   * The pacer of a Client ID, or with none given, of the signed-in session's (SPEC §3: one per
   * Client ID, shared by every call). Default: one pacer in memory, on `now` and `sleep`.
   */
  pacer?: (clientId?: string) => Promise<Pacer>;
  now?: () => number;
  /** Backoff waits, and the default pacer's; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** False when the browser knows it is offline: fail at once instead of retrying. */
  isOnline?: () => boolean;
  /** Retries after a 5xx, a timeout or a dropped connection. */
  maxRetries?: number;
  timeoutMs?: number;
}

const MAX_RATE_LIMIT_RETRIES = 8;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

export function createSpotifyApi(options: SpotifyApiOptions): SpotifyApi {
  const {
    apiBase,
    tokens,
    fetch: fetchImpl = globalThis.fetch.bind(globalThis),
    now = realClock.now,
    sleep = (ms: number, signal?: AbortSignal) => realClock.sleep(ms, signal ?? new AbortController().signal),
    random = Math.random,
    isOnline = () => true,
    maxRetries = 4,
    timeoutMs = 20_000,
  } = options;
  const pacerFor = options.pacer ?? singlePacer(new Pacer(freshPacerRecord(), { now, sleep: (ms, signal) => sleep(ms, signal) }));
  let requestCount = 0;

  /** Full jitter (AWS architecture blog): spreads retries of concurrent pages apart. */
  function backoffDelay(attempt: number): number {
    return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
  }

  async function send(method: string, path: string, query: Query | undefined, requestOptions: RequestOptions = {}): Promise<unknown> {
    const url = new URL(apiBase + path);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));

    const pacer = await pacerFor(requestOptions.session?.clientId);
    const sessionTokens = requestOptions.session?.tokens ?? tokens;
    const retries = requestOptions.retryUnanswered === false ? 0 : maxRetries;
    let refreshed = false;
    let failures = 0;
    let rateLimits = 0;
    for (;;) {
      if (!isOnline()) throw new NetworkError(t('errors.browserOffline'));
      // Waits for the gate and for room in the window, or throws RateLimitedError to pause.
      const ticket = await pacer.acquire(requestOptions.priority ?? 'interactive', requestOptions.signal);
      let token: string;
      try {
        token = await sessionTokens.get();
      } catch (error) {
        ticket.answered('failed');
        // SPEC §3: a 429 from the token endpoint holds every call back for its Retry-After.
        if (error instanceof RateLimitedError && !error.quotaExceeded && ++rateLimits <= MAX_RATE_LIMIT_RETRIES) {
          pacer.closeGate(error.resumeAt, false);
          continue;
        }
        throw error;
      }
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
        ticket.answered('failed');
        if (requestOptions.signal?.aborted) throw requestOptions.signal.reason;
        if (failures >= retries || !isOnline()) {
          throw new NetworkError(t('errors.unreachable', { reason: describe(error) }));
        }
        await sleep(backoffDelay(failures++));
        continue;
      }

      if (response.status === 429) {
        // Closes the gate before the body is read, so no other request starts meanwhile.
        const quotaNamed = readErrorBody(response).then((body) => body.reason === 'QUOTA_EXCEEDED');
        ticket.rateLimited(retryAfterMs(response), quotaNamed);
        const quotaExceeded = await quotaNamed;
        if (quotaExceeded || ++rateLimits > MAX_RATE_LIMIT_RETRIES) {
          throw new RateLimitedError(pacer.gate().until, quotaExceeded);
        }
        continue;
      }
      ticket.answered(response.ok ? 'accepted' : 'failed');
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await response.body?.cancel();
        await sessionTokens.refresh(token);
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        if (failures >= retries) throw new ServerError(response.status);
        await sleep(backoffDelay(failures++));
        continue;
      }
      if (!response.ok) throw refusalError(response.status, await readErrorBody(response));
      try {
        return await readJson(response);
      } catch (error) {
        if (error instanceof SpotifyApiError) throw error;
        // The body broke off mid-way (a dropped connection): worth a retry like any network error.
        if (failures >= retries) throw new NetworkError(t('errors.brokeOff', { reason: describe(error) }));
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

/** The same client, its calls paced as background work (sync pages): they leave room for the user's own. */
export function asBackground(api: SpotifyApi): SpotifyApi {
  const background = (options?: RequestOptions): RequestOptions => ({ priority: 'background', ...options });
  return {
    get: (path, query, options) => api.get(path, query, background(options)),
    put: (path, query, options) => api.put(path, query, background(options)),
    delete: (path, query, options) => api.delete(path, query, background(options)),
    get requestCount() {
      return api.requestCount;
    },
  };
}

function singlePacer(pacer: Pacer): () => Promise<Pacer> {
  return async () => pacer;
}

/** Empty bodies (PUT/DELETE) give undefined; anything that is not JSON is Spotify misbehaving. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new UnexpectedResponseError(t('errors.notJson', { status: response.status }));
  }
}

/** Retry-After is in seconds; Spotify always sends it on 429, but a missing one must not mean "now". */
export function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
