/** The accounts service: /authorize and /api/token with PKCE, as Spotify implements them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_SCOPES, REFRESH_TOKEN_LIFETIME_SEC, STAND_IN_CLIENT_ID } from '../../stand-in/accounts-service';
import { startStandIn, type StandIn } from '../../stand-in/server';
import { authorizeParams, authorizeUrl, call, callApi, CHROMIUM_REDIRECT_URI, pkcePair, postToken, signIn, type ApiResponse } from './http';

let standIn: StandIn;

beforeEach(async () => {
  standIn = await startStandIn({ library: { size: 30 } });
});
afterEach(() => standIn.close());

async function authorizeCode(challenge: string, overrides: Record<string, string> = {}): Promise<string> {
  const response = await call(authorizeUrl(standIn, authorizeParams(standIn, challenge, overrides)));
  return new URL(response.headers.get('location')!).searchParams.get('code')!;
}

function exchange(code: string, verifier: string, overrides: Record<string, string> = {}): Promise<ApiResponse> {
  return postToken(standIn, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CHROMIUM_REDIRECT_URI,
    client_id: standIn.clientId,
    code_verifier: verifier,
    ...overrides,
  });
}

describe('GET /authorize', () => {
  it('approves at once, redirecting with a code and the state', async () => {
    const response = await call(authorizeUrl(standIn, authorizeParams(standIn, pkcePair().challenge)));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CHROMIUM_REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^\S{40,}$/);
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('denies once when told to, then approves again', async () => {
    standIn.authorize.nextDecision = 'deny';
    const denied = await call(authorizeUrl(standIn, authorizeParams(standIn, pkcePair().challenge)));
    const location = new URL(denied.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'state-123' });
    expect(await authorizeCode(pkcePair().challenge)).toBeTruthy();
  });

  it.each([
    ['an unknown client', { client_id: '0123456789abcdef0123456789abcdef' }, 'INVALID_CLIENT: Invalid client'],
    ['no client', { client_id: '' }, 'INVALID_CLIENT: Invalid client'],
    ['a web redirect URI', { redirect_uri: 'https://evil.example/' }, 'INVALID_CLIENT: Invalid redirect URI'],
    ['a redirect URI with a path', { redirect_uri: `${CHROMIUM_REDIRECT_URI}callback` }, 'INVALID_CLIENT: Invalid redirect URI'],
    ['a malformed extension id', { redirect_uri: 'https://abcdefghijklmnopqrstuvwxyzabcdef.chromiumapp.org/' }, 'INVALID_CLIENT: Invalid redirect URI'],
  ])('shows an error page, and does not redirect, for %s', async (_, overrides, message) => {
    const response = await call(authorizeUrl(standIn, authorizeParams(standIn, pkcePair().challenge, overrides)));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain(message);
  });

  it('accepts Firefox redirect URIs, and only registered ones when a client lists them', async () => {
    const firefox = 'https://2f1b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.extensions.allizom.org/';
    expect(await authorizeCode(pkcePair().challenge, { redirect_uri: firefox })).toBeTruthy();

    const registered = await startStandIn({
      library: { size: 1 },
      clients: [{ clientId: 'aaaabbbbccccddddeeeeffff00001111', redirectUris: ['http://127.0.0.1:9/cb'] }],
    });
    try {
      const params = { ...authorizeParams(registered, pkcePair().challenge), redirect_uri: 'http://127.0.0.1:9/cb' };
      expect((await call(authorizeUrl(registered, params))).status).toBe(302);
      expect((await call(authorizeUrl(registered, { ...params, redirect_uri: CHROMIUM_REDIRECT_URI }))).text).toContain('Invalid redirect URI');
    } finally {
      await registered.close();
    }
  });

  it.each([
    ['no code_challenge', { code_challenge: '' }, 'invalid_request'],
    ['a short code_challenge', { code_challenge: 'abc' }, 'invalid_request'],
    ['code_challenge_method=plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'user-library-read everything' }, 'invalid_scope'],
  ])('redirects back with an error for %s', async (_, overrides, error) => {
    const response = await call(authorizeUrl(standIn, authorizeParams(standIn, pkcePair().challenge, overrides)));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('can show a consent page whose Agree link completes the authorization', async () => {
    standIn.authorize.consentPage = true;
    const page = await call(authorizeUrl(standIn, authorizeParams(standIn, pkcePair().challenge)));
    expect(page.status).toBe(200);
    const agree = /href="([^"]+decision=approve[^"]*)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    const response = await call(`${standIn.accountsBase}${agree}`);
    expect(new URL(response.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const cancel = /href="([^"]+decision=deny[^"]*)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    expect((await call(`${standIn.accountsBase}${cancel}`)).status).toBe(400); // already decided
  });
});

describe('POST /api/token', () => {
  it('completes a PKCE sign-in: S256 verified, tokens that work, the exchange recorded', async () => {
    const { verifier, challenge } = pkcePair(96);
    const code = await authorizeCode(challenge);
    const response = await exchange(code, verifier);
    expect(response.status).toBe(200);
    const body = response.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: LIBRARY_SCOPES, expires_in: 3600 });
    expect(standIn.auth.pkceExchanges.at(-1)).toEqual({
      clientId: STAND_IN_CLIENT_ID,
      redirectUri: CHROMIUM_REDIRECT_URI,
      verifierLength: 96,
      challengeMethod: 'S256',
      scope: LIBRARY_SCOPES,
      userId: standIn.user.id,
    });
    expect((await callApi(standIn, 'GET', '/me', body.access_token as string)).status).toBe(200);
  });

  it('rejects a wrong verifier, keeps the code for the right one, and then spends it', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(challenge);
    const wrong = await exchange(code, pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({ error: 'invalid_grant', error_description: 'code_verifier was incorrect' });
    expect((await exchange(code, verifier)).status).toBe(200);
    expect((await exchange(code, verifier)).json).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['42 characters', 'a'.repeat(42)],
    ['129 characters', 'a'.repeat(129)],
    ['a character outside the unreserved set', `${'a'.repeat(50)}+`],
  ])('rejects a verifier of %s', async (_, verifier) => {
    const code = await authorizeCode(pkcePair().challenge);
    expect((await exchange(code, verifier)).json).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts verifiers of 43 and 128 characters', async () => {
    for (const length of [43, 128]) {
      const { verifier, challenge } = pkcePair(length);
      expect((await exchange(await authorizeCode(challenge), verifier)).status).toBe(200);
    }
  });

  it.each([
    ['another redirect_uri', { redirect_uri: 'https://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.chromiumapp.org/' }, 'invalid_grant'],
    ['an unknown client', { client_id: '0123456789abcdef0123456789abcdef' }, 'invalid_client'],
    ['an unknown code', { code: 'made-up' }, 'invalid_grant'],
    ['no grant_type', { grant_type: '' }, 'unsupported_grant_type'],
  ])('rejects %s', async (_, overrides, error) => {
    const { verifier, challenge } = pkcePair();
    const response = await exchange(await authorizeCode(challenge), verifier, overrides);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error });
  });

  it('lets codes expire after 10 minutes', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(challenge);
    standIn.clock.advance(10 * 60 * 1000 + 1);
    expect((await exchange(code, verifier)).json).toEqual({ error: 'invalid_grant', error_description: 'Authorization code expired' });
  });

  it('can refuse every app with invalid_client, for the code and the refresh token alike', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(challenge);
    standIn.auth.tokenRefusesClient = true;
    const response = await exchange(code, verifier);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'invalid_client', error_description: 'Invalid client' });
    const refresh = await postToken(standIn, {
      grant_type: 'refresh_token',
      refresh_token: standIn.auth.issueTokens().refresh_token,
      client_id: standIn.clientId,
    });
    expect(refresh.json).toEqual({ error: 'invalid_client', error_description: 'Invalid client' });
  });

  it('wants a form body', async () => {
    const response = await call(`${standIn.accountsBase}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('refreshing', () => {
  it('gives a new access token and, like Spotify, no new refresh token', async () => {
    const tokens = await signIn(standIn);
    const response = await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId });
    expect(response.status).toBe(200);
    const body = response.json as Record<string, unknown>;
    expect(body).not.toHaveProperty('refresh_token');
    expect(body).toMatchObject({ token_type: 'Bearer', scope: LIBRARY_SCOPES, expires_in: 3600 });
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(standIn.auth.refreshCount).toBe(1);
    // The old refresh token keeps working.
    expect((await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId })).status).toBe(200);
  });

  it('can rotate refresh tokens instead', async () => {
    standIn.auth.rotateRefreshTokens = true;
    const tokens = await signIn(standIn);
    const first = (await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId })).json as Record<
      string,
      string
    >;
    expect(first.refresh_token).toBeTruthy();
    expect((await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId })).status).toBe(400);
  });

  it('answers invalid_grant once refresh tokens are revoked', async () => {
    const tokens = await signIn(standIn);
    standIn.auth.revokeRefreshTokens();
    const response = await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token revoked' });
  });

  it('recovers from expired access tokens', async () => {
    const tokens = await signIn(standIn);
    standIn.auth.expireAccessTokens();
    expect((await callApi(standIn, 'GET', '/me', tokens.access_token)).json).toEqual({ error: { status: 401, message: 'The access token expired' } });
    const refreshed = (await postToken(standIn, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: standIn.clientId })).json as {
      access_token: string;
    };
    expect((await callApi(standIn, 'GET', '/me', refreshed.access_token)).status).toBe(200);
  });

  it('lets a refresh token expire six months after its sign-in, rotated or not', async () => {
    const signedInAt = Date.parse('2026-08-01T00:00:00Z');
    standIn.clock.set(signedInAt);
    standIn.auth.rotateRefreshTokens = true;
    const tokens = await signIn(standIn);
    const refresh = (refreshToken: string) => postToken(standIn, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: standIn.clientId });
    standIn.clock.set(signedInAt + 100 * 86_400_000);
    const rotated = (await refresh(tokens.refresh_token)).json as { refresh_token: string };
    standIn.clock.set(signedInAt + REFRESH_TOKEN_LIFETIME_SEC * 1000 - 1000);
    const last = (await refresh(rotated.refresh_token)).json as { refresh_token: string };
    standIn.clock.set(signedInAt + REFRESH_TOKEN_LIFETIME_SEC * 1000);
    const expired = await refresh(last.refresh_token);
    expect(expired.status).toBe(400);
    expect(expired.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token expired' });
  });

  it('keeps refresh tokens for good with a lifetime of 0', async () => {
    const forever = await startStandIn({ library: { size: 1 }, refreshTokenLifetimeSec: 0 });
    try {
      const tokens = await signIn(forever);
      forever.clock.advance(10 * 365 * 86_400_000);
      const response = await postToken(forever, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: forever.clientId });
      expect(response.status).toBe(200);
    } finally {
      await forever.close();
    }
  });

  it('treats revoked access tokens as invalid', async () => {
    const tokens = await signIn(standIn);
    standIn.auth.revokeAccessTokens();
    expect((await callApi(standIn, 'GET', '/me', tokens.access_token)).json).toEqual({ error: { status: 401, message: 'Invalid access token' } });
  });
});

describe('several accounts', () => {
  it('signs in to the account the browser is signed in to, each with its own library', async () => {
    standIn.addAccount({ user: { id: 'second', account_id: 'acc2' }, library: { size: 7, seed: 99 } });
    standIn.authorize.userId = 'second';
    const tokens = await signIn(standIn);
    expect((await callApi(standIn, 'GET', '/me', tokens.access_token)).json).toMatchObject({ id: 'second', account_id: 'acc2' });
    expect((await callApi(standIn, 'GET', '/me/tracks', tokens.access_token)).json).toMatchObject({ total: 7 });
    const first = standIn.auth.issueTokens({ userId: standIn.user.id }).access_token;
    expect((await callApi(standIn, 'GET', '/me/tracks', first)).json).toMatchObject({ total: 30 });
    const third = standIn.addAccount({ user: { id: 'third' }, library: { size: 1 } });
    expect(third.total).toBe(1);
    const thirdToken = standIn.auth.issueTokens({ userId: 'third' }).access_token;
    const thirdProfile = (await callApi(standIn, 'GET', '/me', thirdToken)).json as { account_id: string };
    expect(thirdProfile.account_id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(thirdProfile.account_id).not.toBe(standIn.user.account_id);
  });
});
