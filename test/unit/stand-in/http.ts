/** Small HTTP helpers for the stand-in's own tests: plain `fetch`, as the extension uses. */
import { createHash, randomBytes } from 'node:crypto';
import { LIBRARY_SCOPES } from '../../stand-in/accounts-service';
import type { StandIn } from '../../stand-in/server';

/** What `browser.identity.getRedirectURL()` returns in Chromium for some extension id. */
export const CHROMIUM_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when empty or not JSON. */
  json: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<ApiResponse> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function callApi(standIn: StandIn, method: string, pathAndQuery: string, accessToken?: string): Promise<ApiResponse> {
  return call(`${standIn.apiBase}${pathAndQuery}`, {
    method,
    headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` },
  });
}

export function pkcePair(verifierLength = 64): { verifier: string; challenge: string } {
  const verifier = randomBytes(verifierLength).toString('base64url').slice(0, verifierLength);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(standIn: StandIn, params: Record<string, string>): string {
  return `${standIn.accountsBase}/authorize?${new URLSearchParams(params)}`;
}

/** The query Tracklight sends to `/authorize` (SPEC §3). */
export function authorizeParams(standIn: StandIn, challenge: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    response_type: 'code',
    client_id: standIn.clientId,
    redirect_uri: CHROMIUM_REDIRECT_URI,
    scope: LIBRARY_SCOPES,
    state: 'state-123',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    ...overrides,
  };
}

export function postToken(standIn: StandIn, form: Record<string, string>): Promise<ApiResponse> {
  return call(`${standIn.accountsBase}/api/token`, { method: 'POST', body: new URLSearchParams(form) });
}

/** A whole sign-in: authorize (approved), then the code exchange. Returns the token response. */
export async function signIn(standIn: StandIn): Promise<{ access_token: string; refresh_token: string; scope: string; expires_in: number }> {
  const { verifier, challenge } = pkcePair();
  const authorize = await call(authorizeUrl(standIn, authorizeParams(standIn, challenge)));
  const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
  const token = await postToken(standIn, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CHROMIUM_REDIRECT_URI,
    client_id: standIn.clientId,
    code_verifier: verifier,
  });
  return token.json as { access_token: string; refresh_token: string; scope: string; expires_in: number };
}
