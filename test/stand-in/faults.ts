/**
 * Fault knobs: a queue of misbehaviours, each applied to the next matching request(s).
 *
 *   standIn.faults.push({ kind: 'status', status: 429, retryAfter: 2 });
 *   standIn.faults.push({ kind: 'status', status: 503, times: 3,
 *     match: { path: '/v1/me/tracks', query: (q) => Number(q.offset) >= 500 } });
 *   standIn.faults.push({ kind: 'drop' }, { kind: 'malformed' });
 *
 * Without `match`, a fault applies to Web API requests (`/v1/...`) only; target the accounts
 * service explicitly (`match: { path: '/api/token' }`). Rules are tried in order; the first
 * match is used and spent once (`times`, default 1; `Infinity` for a persistent fault).
 */
import { isApiRequest, type LoggedRequest } from './request-log';

export type Fault =
  /** An error status; 429 gets Spotify's rate-limit body and `Retry-After` when given. */
  | { kind: 'status'; status: number; retryAfter?: number; reason?: string; body?: unknown }
  /** The connection is destroyed without a response. */
  | { kind: 'drop' }
  /** The normal response, but only after `ms`: a timeout for a client that waits less. */
  | { kind: 'hang'; ms: number }
  /** 200 with JSON that ends half-way. */
  | { kind: 'malformed' }
  /** 200 with this JSON body instead of the real one (wrong types, missing fields...). */
  | { kind: 'body'; body: unknown };

export interface FaultMatch {
  method?: string;
  /** Exact path (`/v1/me/tracks`) or a pattern. */
  path?: string | RegExp;
  query?: (query: Record<string, string>) => boolean;
}

export type FaultRule = Fault & {
  times?: number;
  match?: FaultMatch | ((request: LoggedRequest) => boolean);
};

export class FaultQueue {
  #rules: Array<{ rule: FaultRule; remaining: number }> = [];

  push(...rules: FaultRule[]): void {
    for (const rule of rules) this.#rules.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.#rules = [];
  }

  /** Rules not yet spent, with how many times each will still apply. */
  pending(): Array<{ rule: FaultRule; remaining: number }> {
    return this.#rules.map((entry) => ({ ...entry }));
  }

  /** The fault for this request, spending one use of the first matching rule. */
  take(request: LoggedRequest): Fault | undefined {
    const index = this.#rules.findIndex(({ rule }) => matches(rule, request));
    if (index < 0) return undefined;
    const entry = this.#rules[index]!;
    if (--entry.remaining <= 0) this.#rules.splice(index, 1);
    return entry.rule;
  }
}

function matches(rule: FaultRule, request: LoggedRequest): boolean {
  const match = rule.match;
  if (match === undefined) return isApiRequest(request);
  if (typeof match === 'function') return match(request);
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (typeof match.path === 'string' && match.path !== request.path) return false;
  if (match.path instanceof RegExp && !match.path.test(request.path)) return false;
  return match.query === undefined || match.query(request.query);
}
