/**
 * The stand-in for accounts.spotify.com: `GET /authorize` and `POST /api/token` with
 * Authorization Code + PKCE (S256) as Spotify implements it, and the tokens the Web API checks.
 *
 * Knobs (as `standIn.authorize` and `standIn.auth`):
 *   authorize.nextDecision = 'deny'   the next authorization is refused (then back to 'approve')
 *   authorize.consentPage = true      show Agree / Cancel instead of deciding at once (demo)
 *   authorize.userId = 'other'        the account the browser is signed in to at Spotify
 *   auth.expireAccessTokens()         every current access token answers 401 "expired"
 *   auth.revokeAccessTokens()         every current access token answers 401 "invalid"
 *   auth.revokeRefreshTokens()        refresh answers 400 invalid_grant
 *   refresh tokens expire six months after the sign-in that gave them, by `standIn.clock`
 *                                     (Spotify, from July 2026): invalid_grant "Refresh token expired"
 *   auth.tokenRefusesClient = true    the token endpoint answers invalid_client to every app
 *   auth.registerRedirectUri(id, uri) the app's owner adds a redirect URI in the dashboard
 *   auth.rotateRefreshTokens = true   refresh responses carry a new refresh token
 *   auth.issueTokens({ scope })       tokens without the browser dance, for unit tests
 *   auth.pkceExchanges, auth.issuedAccessTokens, auth.refreshCount   for assertions
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { apiErrorReply, escapeHtml, htmlReply, jsonReply, oauthErrorReply, redirectReply, type Reply } from './reply';

/** The default registered app's Client ID. */
export const STAND_IN_CLIENT_ID = '5f3c0a7b9e2d4c61a8b7f0e1d2c3b4a5';
export const LIBRARY_SCOPES = 'user-library-read user-library-modify';

export interface RegisteredClient {
  /** 32 hex characters, like Spotify's. */
  clientId: string;
  /** Exact redirect URIs; when omitted, any browser extension redirect URI is accepted. */
  redirectUris?: string[];
}

export interface AuthorizeSettings {
  nextDecision: 'approve' | 'deny';
  consentPage: boolean;
  userId: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  refresh_token?: string;
}

export interface PkceExchange {
  clientId: string;
  redirectUri: string;
  verifierLength: number;
  challengeMethod: 'S256';
  scope: string;
  userId: string;
}

/** Who is calling the Web API, once their access token checked out. */
export interface Caller {
  userId: string;
  scopes: ReadonlySet<string>;
}

/** `identity.getRedirectURL()` results: Chromium's `<32 a-p>.chromiumapp.org`, Firefox's allizom.org. */
const EXTENSION_REDIRECT = /^https:\/\/([a-p]{32}\.chromiumapp\.org|[a-z0-9-]+\.extensions\.allizom\.org)\/$/;
/** BASE64URL(SHA-256(verifier)) is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43–128 characters of the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Spotify's refresh tokens, from July 2026: six months after the user's authorization. */
export const REFRESH_TOKEN_LIFETIME_SEC = 183 * 24 * 60 * 60;

const SPOTIFY_SCOPES = new Set([
  'ugc-image-upload',
  'user-read-playback-state',
  'user-modify-playback-state',
  'user-read-currently-playing',
  'app-remote-control',
  'streaming',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
  'user-follow-modify',
  'user-follow-read',
  'user-read-playback-position',
  'user-top-read',
  'user-read-recently-played',
  'user-library-modify',
  'user-library-read',
  'user-read-email',
  'user-read-private',
  'user-personalized',
  'user-soa-link',
  'user-soa-unlink',
  'soa-manage-entitlements',
  'soa-manage-partner',
  'soa-create-partner',
]);

interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  state: string | undefined;
  userId: string;
}

interface Grant {
  clientId: string;
  scope: string;
  userId: string;
}

interface RefreshGrant extends Grant {
  revoked: boolean;
  /** The sign-in it descends from: a rotated refresh token keeps its predecessor's deadline. */
  expiresAt: number;
}

export class AccountsService {
  readonly authorizeSettings: AuthorizeSettings;
  rotateRefreshTokens = false;
  readonly pkceExchanges: PkceExchange[] = [];
  /** Every access token handed out, in order. */
  readonly issuedAccessTokens: string[] = [];
  /** Successful refresh_token grants. */
  refreshCount = 0;
  /** Answer `invalid_client` at the token endpoint, whatever the Client ID. */
  tokenRefusesClient = false;

  readonly #clients: Map<string, RegisteredClient>;
  readonly #clock: Clock;
  readonly #accessTokenLifetimeSec: number;
  readonly #refreshTokenLifetimeSec: number;
  readonly #codes = new Map<string, AuthorizationRequest & { expiresAt: number }>();
  readonly #accessTokens = new Map<string, Grant & { expiresAt: number; revoked: boolean }>();
  readonly #refreshTokens = new Map<string, RefreshGrant>();
  /** Authorizations waiting on the consent page, by the id in its links. */
  readonly #awaitingConsent = new Map<string, AuthorizationRequest>();

  constructor(options: {
    clients: RegisteredClient[];
    clock: Clock;
    accessTokenLifetimeSec: number;
    /** Default REFRESH_TOKEN_LIFETIME_SEC; 0: refresh tokens never expire. */
    refreshTokenLifetimeSec?: number;
    userId: string;
  }) {
    this.#clients = new Map(options.clients.map((client) => [client.clientId, client]));
    this.#clock = options.clock;
    this.#accessTokenLifetimeSec = options.accessTokenLifetimeSec;
    this.#refreshTokenLifetimeSec = options.refreshTokenLifetimeSec ?? REFRESH_TOKEN_LIFETIME_SEC;
    this.authorizeSettings = { nextDecision: 'approve', consentPage: false, userId: options.userId };
  }

  expireAccessTokens(): void {
    for (const token of this.#accessTokens.values()) token.expiresAt = 0;
  }

  revokeAccessTokens(): void {
    for (const token of this.#accessTokens.values()) token.revoked = true;
  }

  /** Adds an exact redirect URI to a registered app (as its owner does in the dashboard). */
  registerRedirectUri(clientId: string, redirectUri: string): void {
    const client = this.#clients.get(clientId);
    if (!client) throw new Error(`no app ${clientId}`);
    client.redirectUris = [...(client.redirectUris ?? []), redirectUri];
  }

  revokeRefreshTokens(): void {
    for (const token of this.#refreshTokens.values()) token.revoked = true;
  }

  /** Tokens as a completed sign-in would give them, without `/authorize`. */
  issueTokens(grant: Partial<Grant> = {}): TokenResponse & { refresh_token: string } {
    const full: Grant = {
      clientId: grant.clientId ?? this.#clients.keys().next().value ?? STAND_IN_CLIENT_ID,
      scope: grant.scope ?? LIBRARY_SCOPES,
      userId: grant.userId ?? this.authorizeSettings.userId,
    };
    return { ...this.#accessToken(full), refresh_token: this.#refreshToken(full) };
  }

  /** The Client ID a Web API request's token was issued to: what Spotify counts its rate limit by. */
  clientOf(authorization: string | undefined): string | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    return token === undefined ? undefined : this.#accessTokens.get(token)?.clientId;
  }

  /** Checks a Web API request's `Authorization` header. */
  authenticate(authorization: string | undefined): Caller | Reply {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return apiErrorReply(401, 'No token provided');
    const grant = this.#accessTokens.get(token);
    if (!grant || grant.revoked) return apiErrorReply(401, 'Invalid access token');
    if (grant.expiresAt <= this.#clock.now()) return apiErrorReply(401, 'The access token expired');
    return { userId: grant.userId, scopes: new Set(grant.scope.split(' ')) };
  }

  /** `GET /authorize`: like Spotify, a bad client or redirect URI gets an error page, not a redirect. */
  handleAuthorize(query: Record<string, string>): Reply {
    const client = this.#clients.get(query.client_id ?? '');
    if (!client) return errorPage('INVALID_CLIENT: Invalid client');
    const redirectUri = query.redirect_uri ?? '';
    const registered = client.redirectUris ? client.redirectUris.includes(redirectUri) : EXTENSION_REDIRECT.test(redirectUri);
    if (!registered) return errorPage('INVALID_CLIENT: Invalid redirect URI');

    const state = query.state;
    const back = (params: Record<string, string>): Reply => redirectReply(withQuery(redirectUri, params, state));
    if (query.response_type !== 'code') return back({ error: 'unsupported_response_type' });
    if (query.code_challenge_method !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'code_challenge_method must be S256' });
    }
    if (!S256_CHALLENGE.test(query.code_challenge ?? '')) {
      return back({ error: 'invalid_request', error_description: 'code_challenge must be 43 base64url characters' });
    }
    const scopes = (query.scope ?? '').split(' ').filter(Boolean);
    if (scopes.some((scope) => !SPOTIFY_SCOPES.has(scope))) return back({ error: 'invalid_scope' });

    const request: AuthorizationRequest = {
      clientId: client.clientId,
      redirectUri,
      challenge: query.code_challenge!,
      scope: scopes.join(' '),
      state,
      userId: this.authorizeSettings.userId,
    };
    if (this.authorizeSettings.consentPage) return this.#consentPage(request);
    const decision = this.authorizeSettings.nextDecision;
    this.authorizeSettings.nextDecision = 'approve';
    return this.#decide(request, decision);
  }

  /** The consent page's Agree / Cancel links land here. */
  handleConsent(query: Record<string, string>): Reply {
    const request = this.#awaitingConsent.get(query.request ?? '');
    if (!request) return errorPage('This authorization request has expired. Start again from the app.');
    this.#awaitingConsent.delete(query.request!);
    return this.#decide(request, query.decision === 'approve' ? 'approve' : 'deny');
  }

  /** `POST /api/token` with a form body. */
  handleToken(form: URLSearchParams): Reply {
    if (this.tokenRefusesClient) return oauthErrorReply('invalid_client', 'Invalid client');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return this.#exchangeCode(form);
    if (grantType === 'refresh_token') return this.#refresh(form);
    return oauthErrorReply('unsupported_grant_type', grantType ? `grant_type ${grantType} is not supported` : 'grant_type parameter is missing');
  }

  #decide(request: AuthorizationRequest, decision: 'approve' | 'deny'): Reply {
    if (decision === 'deny') return redirectReply(withQuery(request.redirectUri, { error: 'access_denied' }, request.state));
    const code = randomToken('AQ', 96);
    this.#codes.set(code, { ...request, expiresAt: this.#clock.now() + CODE_LIFETIME_MS });
    return redirectReply(withQuery(request.redirectUri, { code }, request.state));
  }

  #exchangeCode(form: URLSearchParams): Reply {
    const clientId = form.get('client_id') ?? '';
    if (!this.#clients.has(clientId)) return oauthErrorReply('invalid_client', 'Invalid client');
    const code = form.get('code') ?? '';
    const request = this.#codes.get(code);
    if (!request || request.clientId !== clientId) return oauthErrorReply('invalid_grant', 'Invalid authorization code');
    if (request.expiresAt <= this.#clock.now()) {
      this.#codes.delete(code);
      return oauthErrorReply('invalid_grant', 'Authorization code expired');
    }
    if (form.get('redirect_uri') !== request.redirectUri) return oauthErrorReply('invalid_grant', 'Invalid redirect URI');
    const verifier = form.get('code_verifier');
    if (verifier === null) return oauthErrorReply('invalid_request', 'code_verifier required');
    if (!VERIFIER.test(verifier)) return oauthErrorReply('invalid_request', 'code_verifier must be 43-128 unreserved characters');
    if (createHash('sha256').update(verifier).digest('base64url') !== request.challenge) {
      return oauthErrorReply('invalid_grant', 'code_verifier was incorrect');
    }
    // Single use: only a successful exchange spends the code.
    this.#codes.delete(code);
    this.pkceExchanges.push({
      clientId,
      redirectUri: request.redirectUri,
      verifierLength: verifier.length,
      challengeMethod: 'S256',
      scope: request.scope,
      userId: request.userId,
    });
    return jsonReply(200, { ...this.#accessToken(request), refresh_token: this.#refreshToken(request) });
  }

  #refresh(form: URLSearchParams): Reply {
    const clientId = form.get('client_id') ?? '';
    if (!this.#clients.has(clientId)) return oauthErrorReply('invalid_client', 'Invalid client');
    const refreshToken = form.get('refresh_token') ?? '';
    const grant = this.#refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== clientId) return oauthErrorReply('invalid_grant', 'Invalid refresh token');
    if (grant.revoked) return oauthErrorReply('invalid_grant', 'Refresh token revoked');
    if (grant.expiresAt <= this.#clock.now()) return oauthErrorReply('invalid_grant', 'Refresh token expired');
    this.refreshCount++;
    const response: TokenResponse = this.#accessToken(grant);
    // Spotify usually keeps the refresh token valid and leaves it out of the response.
    if (this.rotateRefreshTokens) {
      grant.revoked = true;
      response.refresh_token = this.#refreshToken(grant, grant.expiresAt);
    }
    return jsonReply(200, response);
  }

  #accessToken(grant: Grant): TokenResponse {
    const token = randomToken('BQ', 120);
    this.#accessTokens.set(token, {
      clientId: grant.clientId,
      scope: grant.scope,
      userId: grant.userId,
      expiresAt: this.#clock.now() + this.#accessTokenLifetimeSec * 1000,
      revoked: false,
    });
    this.issuedAccessTokens.push(token);
    return { access_token: token, token_type: 'Bearer', scope: grant.scope, expires_in: this.#accessTokenLifetimeSec };
  }

  /** A refresh token for a new sign-in, or (`expiresAt`) one replacing a rotated token. */
  #refreshToken(grant: Grant, expiresAt?: number): string {
    const token = randomToken('AQ', 120);
    const lifetimeMs = this.#refreshTokenLifetimeSec > 0 ? this.#refreshTokenLifetimeSec * 1000 : Infinity;
    this.#refreshTokens.set(token, {
      clientId: grant.clientId,
      scope: grant.scope,
      userId: grant.userId,
      revoked: false,
      expiresAt: expiresAt ?? this.#clock.now() + lifetimeMs,
    });
    return token;
  }

  #consentPage(request: AuthorizationRequest): Reply {
    const id = randomToken('', 16);
    this.#awaitingConsent.set(id, request);
    const link = (decision: string): string => `/authorize/consent?${new URLSearchParams({ request: id, decision })}`;
    const scopes = request.scope
      .split(' ')
      .filter(Boolean)
      .map((scope) => `<li>${escapeHtml(scope)}</li>`)
      .join('');
    return htmlReply(
      200,
      page(
        'Connect to Spotify (stand-in)',
        `<h1>Allow access to your Spotify account?</h1>
<p>App <code>${escapeHtml(request.clientId)}</code> asks to:</p><ul>${scopes}</ul>
<p>Signed in as <b>${escapeHtml(request.userId)}</b>.</p>
<p><a class="agree" href="${escapeHtml(link('approve'))}">Agree</a> <a href="${escapeHtml(link('deny'))}">Cancel</a></p>`,
      ),
    );
  }
}

function errorPage(message: string): Reply {
  return htmlReply(400, page('Error', `<h1>Oops! Something went wrong</h1><p>${escapeHtml(message)}</p>`));
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui;background:#121212;color:#fff;max-width:32rem;margin:4rem auto;padding:0 1rem}
a{display:inline-block;margin-right:1rem;padding:.6rem 1.4rem;border-radius:2rem;color:#fff;border:1px solid #888;text-decoration:none}
a.agree{background:#1ed760;color:#000;border-color:#1ed760}code{color:#1ed760}</style></head>
<body>${body}</body></html>`;
}

function withQuery(uri: string, params: Record<string, string>, state: string | undefined): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (state !== undefined) url.searchParams.set('state', state);
  return url.toString();
}

function randomToken(prefix: string, length: number): string {
  return (
    prefix +
    randomBytes(Math.ceil((length * 3) / 4))
      .toString('base64url')
      .slice(0, length)
  );
}
