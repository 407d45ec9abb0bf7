/**
 * Development-mode refusals as the real Web API gives them (SPEC §3): every call made with a
 * valid token of the app answers 403 until the cause is fixed, `/me` included.
 *
 *   standIn.refusal = { problem: 'premium-required', format: 'text' };
 *   standIn.refusal = null;   // fixed: requests are allowed again
 *
 * The bodies are Spotify's own words. They come as the Web API's JSON error object or, as
 * developers have reported them, as the bare sentence in a text/plain body.
 */
import { apiErrorReply, type Reply } from './reply';

export type RefusalProblem = 'premium-required' | 'user-not-registered';

export interface Refusal {
  problem: RefusalProblem;
  /** `json`: `{"error":{"status":403,"message":…}}`; `text`: the message alone. */
  format: 'json' | 'text';
}

export const REFUSAL_MESSAGES: Readonly<Record<RefusalProblem, string>> = {
  'premium-required':
    'Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.',
  'user-not-registered': 'User not registered in the Developer Dashboard',
};

export function refusalReply({ problem, format }: Refusal): Reply {
  const message = REFUSAL_MESSAGES[problem];
  if (format === 'json') return apiErrorReply(403, message);
  return { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message };
}

export function isRefusalProblem(value: string): value is RefusalProblem {
  return Object.hasOwn(REFUSAL_MESSAGES, value);
}
