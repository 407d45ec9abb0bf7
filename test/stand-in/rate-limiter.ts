/**
 * Spotify's rate limit as the stand-in plays it (SPEC §3; README, "Spotify's rate limits"):
 *
 *   const standIn = await startStandIn({ rateLimit: 120 });   // or standIn.rateLimit.limit = 120
 *   standIn.rateLimit.refusals()                              // the 429s it gave, each with its Retry-After
 *
 * Per Client ID (the one the request's access token was issued to), at most `limit` Web API
 * requests in any rolling 30 seconds, counted when they arrive. One more gets 429 with
 * `Retry-After` = the whole seconds until the window has room. Escalation, as the real service
 * has answered bursts: a request that arrives during a Retry-After it was given, or a third 429
 * within 10 minutes, gets `Retry-After: 3600`. Refused requests do not count in the window.
 * The 429s alternate between Spotify's JSON error envelope and a plain-text body, as both have
 * been seen. Time is the stand-in's clock, so tests can move it.
 */
import { apiErrorReply, type Reply } from './reply';

export const RATE_WINDOW_MS = 30_000;
export const ESCALATED_RETRY_AFTER_S = 3600;
const ESCALATION_WINDOW_MS = 10 * 60_000;
const ESCALATE_AT_429S = 3;

export interface Refusal {
  clientId: string;
  /** Stand-in clock, epoch ms. */
  at: number;
  retryAfterS: number;
}

interface ClientWindow {
  /** Arrival times of the requests let through, oldest first. */
  accepted: number[];
  /** End of the last Retry-After given. */
  blockedUntil: number;
  /** Times of the 429s given in the last 10 minutes. */
  refusedAt: number[];
}

export class RateLimiter {
  /** Requests per rolling 30 s per Client ID; null: no limit. */
  limit: number | null;
  readonly #clock: { now(): number };
  readonly #clients = new Map<string, ClientWindow>();
  #refusals: Refusal[] = [];

  /** `clock`: the stand-in's (clock.ts), or any other source of epoch ms. */
  constructor(clock: { now(): number }, limit: number | null = null) {
    this.#clock = clock;
    this.limit = limit;
  }

  /** Every 429 given since the start or the last `reset()`. */
  refusals(): readonly Refusal[] {
    return this.#refusals;
  }

  /** Forgets every window, Retry-After and refusal (a new day for every Client ID). */
  reset(): void {
    this.#clients.clear();
    this.#refusals = [];
  }

  /** Counts a Web API request of `clientId` arriving now: null to answer it, or the 429 to send instead. */
  admit(clientId: string): Reply | null {
    if (this.limit === null) return null;
    const now = this.#clock.now();
    const client = this.#clients.get(clientId) ?? { accepted: [], blockedUntil: 0, refusedAt: [] };
    this.#clients.set(clientId, client);
    const firstInWindow = client.accepted.findIndex((at) => at > now - RATE_WINDOW_MS);
    client.accepted.splice(0, firstInWindow < 0 ? client.accepted.length : firstInWindow);
    client.refusedAt = client.refusedAt.filter((at) => at > now - ESCALATION_WINDOW_MS);

    let retryAfterS: number;
    if (now < client.blockedUntil || (client.accepted.length >= this.limit && client.refusedAt.length + 1 >= ESCALATE_AT_429S)) {
      retryAfterS = ESCALATED_RETRY_AFTER_S;
    } else if (client.accepted.length >= this.limit) {
      const leaves = client.accepted[client.accepted.length - this.limit]! + RATE_WINDOW_MS;
      retryAfterS = Math.max(1, Math.ceil((leaves - now) / 1000));
    } else {
      client.accepted.push(now);
      return null;
    }
    client.refusedAt.push(now);
    client.blockedUntil = Math.max(client.blockedUntil, now + retryAfterS * 1000);
    this.#refusals.push({ clientId, at: now, retryAfterS });
    return tooManyRequests(retryAfterS, this.#refusals.length % 2 === 0);
  }
}

function tooManyRequests(retryAfterS: number, plainText: boolean): Reply {
  const headers = { 'retry-after': String(retryAfterS) };
  if (plainText) return { status: 429, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: 'Too many requests' };
  return apiErrorReply(429, 'API rate limit exceeded', { headers });
}
