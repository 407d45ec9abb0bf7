import { t } from '../i18n';
import * as v from 'valibot';
import type { AccountRef } from '../storage-items';
import { retryAfterMs, type AccessTokens } from './api-client';
import { NetworkError, NotSignedInError, RateLimitedError, RefusedError, SessionEndedError, UnexpectedResponseError, type SpotifyProblem } from './errors';
import { createPkcePair, randomUnreservedString } from './pkce';
import type { SessionStore, SpotifySession } from './session-store';

/**
 * Sign-in with Authorization Code + PKCE through the browser's identity API (SPEC §3), and
 * the access tokens every API call uses: refreshed shortly before expiry and after a 401,
 * one refresh at a time however many callers ask.
 */

export interface AuthEnvironment {
  accountsBase: string;
  scopes: readonly string[];
  identity: {
    getRedirectURL(): string;
    launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  };
  store: SessionStore;
  /**
   * `GET /me` for a session not stored yet: through the API client, so that signing in is
   * paced and gated with every other call of its Client ID (SPEC §3).
   */
  readProfile(session: { clientId: string; tokens: AccessTokens }): Promise<unknown>;
  /** The refresh token stopped working (the session store is already cleared). */
  onSessionEnded?: (error: SessionEndedError) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

export type SignInProblem = SpotifyProblem | 'cancelled' | 'denied' | 'unreachable' | 'state-mismatch' | 'token-exchange' | 'profile';

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    readonly problem: SignInProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Refresh this long before expiry so a page fetch never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

const TokenResponse = v.object({
  access_token: v.pipe(v.string(), v.minLength(1)),
  token_type: v.string(),
  expires_in: v.number(),
  scope: v.optional(v.string(), ''),
  refresh_token: v.optional(v.string()),
});

const OAuthError = v.object({ error: v.string(), error_description: v.optional(v.string()) });

/**
 * The token endpoint said no (RFC 6749 §5.2). What it means depends on the grant: an
 * `invalid_grant` for a code is a failed sign-in, for a refresh token an ended session.
 */
class TokenRefusal extends Error {
  override name = 'TokenRefusal';
  constructor(
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(t('auth.refused', { reason: description ?? error }));
  }
}

const Profile = v.object({
  id: v.string(),
  account_id: v.optional(v.nullable(v.string())),
  display_name: v.optional(v.nullable(v.string())),
});

export interface Auth {
  signIn(clientId: string): Promise<AccountRef>;
  signOut(): Promise<void>;
  currentSession(): Promise<SpotifySession | null>;
  tokens: AccessTokens;
}

export function createAuth(env: AuthEnvironment): Auth {
  const fetchImpl = env.fetch ?? globalThis.fetch.bind(globalThis);
  const now = env.now ?? Date.now;
  let refreshInFlight: Promise<string> | null = null;
  /**
   * Bumped by every sign-out and sign-in. A refresh still on the network when it changes
   * belongs to a session that is gone: its answer must neither bring that session back nor
   * end the next one.
   */
  let generation = 0;

  async function requestTokens(form: Record<string, string>): Promise<v.InferOutput<typeof TokenResponse>> {
    let response: Response;
    try {
      response = await fetchImpl(`${env.accountsBase}/api/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
    } catch (error) {
      throw new NetworkError(t('errors.unreachable', { reason: error instanceof Error ? error.message : String(error) }));
    }
    if (response.status === 429) {
      await response.body?.cancel();
      // SPEC §3: the token endpoint's 429 holds calls back for its Retry-After too (the API client closes its gate).
      throw new RateLimitedError(now() + retryAfterMs(response), false);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (response.status >= 500) throw new NetworkError(t('auth.serviceFailed', { status: response.status }));
      const oauthError = v.safeParse(OAuthError, body);
      if (oauthError.success) throw new TokenRefusal(oauthError.output.error, oauthError.output.error_description);
      throw new UnexpectedResponseError(t('auth.refusedHttp', { status: response.status }));
    }
    const parsed = v.safeParse(TokenResponse, body);
    if (!parsed.success) throw new UnexpectedResponseError(t('auth.unexpectedToken'));
    return parsed.output;
  }

  async function fetchAccount(accessToken: string, clientId: string): Promise<AccountRef> {
    const tokens: AccessTokens = {
      get: async () => accessToken,
      refresh: async () => {
        throw new UnexpectedResponseError(t('auth.tokenRefused'));
      },
    };
    let body: unknown;
    try {
      body = await env.readProfile({ clientId, tokens });
    } catch (error) {
      if (error instanceof RefusedError) throw new SignInError(error.problem, error.message);
      throw new SignInError('profile', t('auth.noProfile', { reason: error instanceof Error ? error.message : String(error) }));
    }
    const parsed = v.safeParse(Profile, body);
    if (!parsed.success) throw new SignInError('profile', t('auth.unexpectedProfile'));
    const profile = parsed.output;
    return { key: profile.account_id || profile.id, displayName: profile.display_name || profile.id };
  }

  async function launchAuthorization(url: URL): Promise<URL> {
    let redirect: string | undefined;
    try {
      redirect = await env.identity.launchWebAuthFlow({ url: url.toString(), interactive: true });
    } catch (error) {
      throw await explainFailedAuthorization(url, error instanceof Error ? error.message : String(error));
    }
    if (!redirect) throw new SignInError('cancelled', t('auth.notCompleted'));
    return new URL(redirect);
  }

  /**
   * The identity API only says "Authorization page could not be loaded." (Chrome also says it
   * when Spotify answers 400 for an unknown Client ID or redirect URI) or "The user did not
   * approve access." (window closed). Asking the authorize page ourselves tells which it was.
   */
  async function explainFailedAuthorization(url: URL, identityMessage: string): Promise<SignInError> {
    let page: string;
    try {
      const response = await fetchImpl(url, { redirect: 'manual', credentials: 'omit' });
      page = response.status >= 400 ? await response.text() : '';
    } catch {
      return new SignInError('unreachable', t('auth.pageUnreachable'));
    }
    if (/invalid redirect uri/i.test(page)) {
      return new SignInError('redirect-uri', t('auth.redirectUri', { uri: env.identity.getRedirectURL() }));
    }
    if (/invalid client/i.test(page)) {
      return new SignInError('invalid-client', t('auth.invalidClient'));
    }
    if (/could not be loaded/i.test(identityMessage)) {
      return new SignInError('unreachable', t('auth.pageNotLoaded'));
    }
    return new SignInError('cancelled', t('auth.cancelled'));
  }

  async function signIn(clientId: string): Promise<AccountRef> {
    const redirectUri = env.identity.getRedirectURL();
    const pkce = await createPkcePair();
    const state = randomUnreservedString(32);
    const authorizeUrl = new URL(`${env.accountsBase}/authorize`);
    authorizeUrl.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: env.scopes.join(' '),
      state,
      code_challenge_method: 'S256',
      code_challenge: pkce.challenge,
    }).toString();

    const redirect = await launchAuthorization(authorizeUrl);
    const params = redirect.searchParams;
    if (params.get('state') !== state) {
      throw new SignInError('state-mismatch', t('auth.stateMismatch'));
    }
    const error = params.get('error');
    if (error === 'access_denied') throw new SignInError('denied', t('auth.denied'));
    const code = params.get('code');
    if (error || !code) throw new SignInError('token-exchange', t('auth.noCode', { reason: error ?? 'no code' }));

    let tokens: v.InferOutput<typeof TokenResponse>;
    try {
      tokens = await requestTokens({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: pkce.verifier,
      });
    } catch (cause) {
      throw signInErrorOfExchange(cause);
    }
    if (!tokens.refresh_token) throw new SignInError('token-exchange', t('auth.noRefreshToken'));
    const account = await fetchAccount(tokens.access_token, clientId);
    generation += 1;
    await env.store.save({
      clientId,
      accessToken: tokens.access_token,
      expiresAt: now() + tokens.expires_in * 1000,
      refreshToken: tokens.refresh_token,
      scope: tokens.scope,
      account,
    });
    return account;
  }

  async function refresh(session: SpotifySession): Promise<string> {
    const started = generation;
    try {
      const tokens = await requestTokens({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: session.clientId,
      }).catch((cause: unknown) => {
        throw cause instanceof TokenRefusal ? sessionErrorOfRefresh(cause) : cause;
      });
      if (generation !== started) throw new NotSignedInError();
      await env.store.save({
        ...session,
        accessToken: tokens.access_token,
        expiresAt: now() + tokens.expires_in * 1000,
        // SPEC §3: a refresh answer may leave the refresh token out; the old one stays valid.
        refreshToken: tokens.refresh_token ?? session.refreshToken,
        scope: tokens.scope || session.scope,
      });
      return tokens.access_token;
    } catch (error) {
      if (generation !== started) throw new NotSignedInError();
      if (error instanceof SessionEndedError) {
        generation += 1;
        await env.store.clear();
        env.onSessionEnded?.(error);
      }
      throw error;
    }
  }

  function refreshOnce(session: SpotifySession): Promise<string> {
    if (refreshInFlight) return refreshInFlight;
    const refreshing: Promise<string> = refresh(session).finally(() => {
      if (refreshInFlight === refreshing) refreshInFlight = null;
    });
    refreshInFlight = refreshing;
    return refreshing;
  }

  async function requireSession(): Promise<SpotifySession> {
    const session = await env.store.load();
    if (!session) throw new NotSignedInError();
    return session;
  }

  return {
    signIn,
    async signOut() {
      generation += 1;
      refreshInFlight = null;
      await env.store.clear();
    },
    currentSession: () => env.store.load(),
    tokens: {
      async get() {
        if (refreshInFlight) return refreshInFlight;
        const session = await requireSession();
        if (session.expiresAt - now() > EXPIRY_MARGIN_MS) return session.accessToken;
        return refreshOnce(session);
      },
      async refresh(rejected) {
        if (refreshInFlight) return refreshInFlight;
        const session = await requireSession();
        // Another caller already replaced the rejected token: use theirs, don't refresh again.
        if (session.accessToken !== rejected) return session.accessToken;
        return refreshOnce(session);
      },
    },
  };
}

/** Why the exchange of the authorization code failed, as a sign-in problem. */
function signInErrorOfExchange(cause: unknown): SignInError {
  if (cause instanceof NetworkError) return new SignInError('unreachable', cause.message);
  if (cause instanceof TokenRefusal && cause.error === 'invalid_client') {
    return new SignInError('invalid-client', t('auth.invalidClient'));
  }
  if (cause instanceof TokenRefusal && cause.error === 'invalid_grant') {
    // The code expired or was spent (a second tab, a slow return): nothing to do with a session.
    return new SignInError('token-exchange', t('auth.codeNotAccepted'));
  }
  return new SignInError('token-exchange', cause instanceof Error ? cause.message : String(cause));
}

/** SPEC §3: a refresh token that no longer works ends the session, after this one attempt. */
function sessionErrorOfRefresh(refusal: TokenRefusal): Error {
  if (refusal.error === 'invalid_client') {
    return new SessionEndedError(t('auth.clientIdGone'), 'invalid-client');
  }
  if (refusal.error !== 'invalid_grant') return new UnexpectedResponseError(refusal.message);
  // Since July 2026 Spotify ends every sign-in six months after it was made.
  if (/expired/i.test(refusal.description ?? '')) {
    return new SessionEndedError(t('auth.sixMonths'));
  }
  return new SessionEndedError();
}
