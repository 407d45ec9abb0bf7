/**
 * Every request the stand-in receives (cover images and CORS preflights aside), so tests can
 * assert request counts against the budgets, concurrency, and that deprecated endpoints are
 * never called.
 */

export interface LoggedRequest {
  method: string;
  /** Path without query: `/v1/me/tracks`, `/api/token`. */
  path: string;
  /** Query parameters (the last value wins for repeated names). */
  query: Record<string, string>;
  /** Status sent; 0 while unanswered, and for ones that never got a response (dropped, client gone). */
  status: number;
  /** Epoch ms (real time, not the stand-in clock). */
  startedAt: number;
  /** Epoch ms when the connection finished the response; undefined while in flight. */
  endedAt: number | undefined;
  /** How many other requests were in flight when this one arrived. */
  inFlightAtStart: number;
  /** `1.1` or `2.0`: what the client negotiated (the TLS stand-in speaks both). */
  httpVersion: string;
  /** The fault knob applied to it, if any. */
  fault?: string;
}

export type RequestMatcher = string | ((request: LoggedRequest) => boolean);

export class RequestLog {
  #entries: LoggedRequest[] = [];
  #inFlight = 0;
  #peakConcurrency = 0;

  get entries(): readonly LoggedRequest[] {
    return this.#entries;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Most requests in flight at once since the start or the last reset. */
  get peakConcurrency(): number {
    return this.#peakConcurrency;
  }

  begin(method: string, path: string, query: Record<string, string>, httpVersion = '1.1'): LoggedRequest {
    const entry: LoggedRequest = {
      method,
      path,
      query,
      status: 0,
      startedAt: Date.now(),
      endedAt: undefined,
      inFlightAtStart: this.#inFlight,
      httpVersion,
    };
    this.#entries.push(entry);
    this.#inFlight++;
    this.#peakConcurrency = Math.max(this.#peakConcurrency, this.#inFlight);
    return entry;
  }

  end(entry: LoggedRequest): void {
    entry.endedAt = Date.now();
    this.#inFlight--;
  }

  /** Forgets the entries so far (requests in flight still finish) and resets the peak. */
  clear(): void {
    this.#entries = [];
    this.resetPeakConcurrency();
  }

  resetPeakConcurrency(): void {
    this.#peakConcurrency = this.#inFlight;
  }

  /** Entries whose path starts with `match` (a string), or for which `match` returns true. */
  count(match: RequestMatcher): number {
    return this.#entries.filter(toPredicate(match)).length;
  }
}

export function toPredicate(match: RequestMatcher): (request: LoggedRequest) => boolean {
  return typeof match === 'string' ? (request) => request.path.startsWith(match) : match;
}

/** Requests to the Web API (`/v1/...`), as opposed to the accounts service. */
export function isApiRequest(request: { path: string }): boolean {
  return request.path.startsWith('/v1/');
}
