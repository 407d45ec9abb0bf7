/**
 * The Spotify stand-in: a real HTTP server playing accounts.spotify.com and api.spotify.com for
 * integration tests, end-to-end tests, `npm run demo` and `npm run bench`.
 *
 *   const standIn = await startStandIn({ library: { size: 3000, seed: 1 }, latencyMs: 100 });
 *   standIn.apiBase, standIn.accountsBase, standIn.clientId     → the extension's configuration
 *   standIn.auth.issueTokens()                                   → a token without the browser
 *   standIn.library.add(5) / removeAt([10]) / insertRaw(...)     → change the saved tracks
 *   standIn.afterRequests(3, () => standIn.library.add(2))       → ... in the middle of a sync
 *   standIn.faults.push({ kind: 'status', status: 429, retryAfter: 1 })
 *   standIn.rateLimit.limit = 120                                  → Spotify's rolling 30 s limit (rate-limiter.ts)
 *   standIn.refusal = { problem: 'premium-required', format: 'text' }   → development-mode 403s
 *   startStandIn({ unavailable: 27 })                            → pages short of `total`
 *   standIn.requests, standIn.count('/v1/me/tracks'), standIn.peakConcurrency
 *   await standIn.close()
 *
 * Each request waits `latencyMs` on a timer, so concurrent requests overlap as they would on
 * the network; hooks and faults are applied after that wait, just before the answer.
 *
 * Plain HTTP/1.1 by default. With `tls: true` it speaks HTTP/2 over TLS (HTTP/1.1 to clients
 * that ask for it), as api.spotify.com does to browsers: Chromium opens at most 6 HTTP/1.1
 * connections to a host, so over HTTP/1.1 a sync's 8 concurrent requests queue in the browser,
 * while over HTTP/2 they share one connection. The certificate is in tls/ (local tests only).
 */
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants as http2Constants, createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccountsService, STAND_IN_CLIENT_ID, type AuthorizeSettings, type RegisteredClient } from './accounts-service';
import { Clock } from './clock';
import { coverPng } from './cover-image';
import { FaultQueue, type Fault } from './faults';
import { RateLimiter } from './rate-limiter';
import { DEFAULT_LIBRARY_NOW, generateLibraryAndCatalog, type GeneratedLibrary } from './library';
import { hashString, IdFactory } from './random';
import { apiErrorReply, emptyReply, jsonReply, oauthErrorReply, type Reply } from './reply';
import { isApiRequest, RequestLog, toPredicate, type LoggedRequest, type RequestMatcher } from './request-log';
import { SavedLibrary } from './saved-library';
import type { SavedTrackObject } from './spotify-types';
import { refusalReply, type Refusal } from './refusals';
import { findApiRoute, type UserProfile } from './web-api';

export { STAND_IN_CLIENT_ID } from './accounts-service';
export type { UserProfile } from './web-api';

/** A generated library, or a ready list of saved items (newest first). */
export type LibrarySource = { size: number; seed?: number; now?: number } | SavedTrackObject[];

export interface StandInOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Default `{ size: 1000, seed: 1 }`. */
  library?: LibrarySource;
  /** Added to every request (Web API and accounts), on a timer. */
  latencyMs?: number;
  /** Registered apps; default one app, `STAND_IN_CLIENT_ID`, accepting extension redirect URIs. */
  clients?: RegisteredClient[];
  accessTokenLifetimeSec?: number;
  user?: Partial<UserProfile>;
  /** Base of cover URLs; default this server's `/image/`. */
  imageBase?: string;
  /** Show an Agree / Cancel page at `/authorize` (for a visible demo window). */
  consentPage?: boolean;
  /** HTTP/2 over TLS (`https://`), with tls/stand-in.crt; default plain HTTP/1.1. */
  tls?: boolean;
  /** Web API requests per rolling 30 s per Client ID, as Spotify limits them (rate-limiter.ts); default none. */
  rateLimit?: number;
  /** Every Web API call answers this development-mode 403 (refusals.ts); `standIn.refusal` changes it later. */
  refusal?: Refusal | null;
  /** Saved tracks `GET /me/tracks` leaves out of its pages but counts in `total` (saved-library.ts). */
  unavailable?: number;
  /** Refresh tokens expire this long after the sign-in that gave them; default six months, 0 never. */
  refreshTokenLifetimeSec?: number;
  /** The token endpoint answers `invalid_client` even for a registered app (a deleted or reset app). */
  tokenRefusesClient?: boolean;
}

/** The stand-in's self-signed certificate (tls/README.md): what a Node client must trust to reach it over TLS. */
export const STAND_IN_CERTIFICATE = readFileSync(new URL('./tls/stand-in.crt', import.meta.url), 'utf8');

type StandInServer = Server | Http2SecureServer;
type StandInRequest = IncomingMessage | Http2ServerRequest;
type StandInResponse = ServerResponse | Http2ServerResponse;

export const DEFAULT_USER: UserProfile = { id: 'tracklight.tester', display_name: 'Tracklight Tester', account_id: 'x7Kp2QmZ9a' };

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const server: StandInServer = options.tls
    ? createSecureServer({
        allowHTTP1: true,
        cert: STAND_IN_CERTIFICATE,
        key: readFileSync(new URL('./tls/stand-in.key', import.meta.url), 'utf8'),
      })
    : createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  return new StandIn(server, options);
}

type RequestListener = (request: LoggedRequest, standIn: StandIn) => void;

interface Account {
  user: UserProfile;
  library: SavedLibrary;
}

export class StandIn {
  /** `http://127.0.0.1:PORT` (`https://` with `tls`), also the accounts base (`/authorize`, `/api/token`). */
  readonly url: string;
  readonly apiBase: string;
  readonly accountsBase: string;
  /** The first registered app's Client ID. */
  readonly clientId: string;
  readonly imageBase: string;
  readonly clock = new Clock();
  readonly faults = new FaultQueue();
  /** Spotify's rolling-window rate limit; `limit` null (the default) lets everything through. */
  readonly rateLimit: RateLimiter;
  /** Token knobs and records: see accounts-service.ts. */
  readonly auth: AccountsService;
  /** `nextDecision`, `consentPage`, `userId` (the account the browser is signed in to). */
  readonly authorize: AuthorizeSettings;
  /** Added to every request, on a timer; change it at any time. */
  latencyMs: number;
  /** A development-mode 403 every Web API call gets while set; null lets them through. */
  refusal: Refusal | null;

  readonly #server: StandInServer;
  /** Open connections, cut by close(): an HTTP/2 server has no closeAllConnections(). */
  readonly #sockets = new Set<Socket>();
  readonly #log = new RequestLog();
  readonly #accounts = new Map<string, Account>();
  readonly #defaultUserId: string;
  readonly #beforeAnswer = new Set<RequestListener>();
  readonly #afterAnswer = new Set<(request: LoggedRequest) => void>();
  readonly #closing = new AbortController();

  constructor(server: StandInServer, options: StandInOptions) {
    const { port } = server.address() as AddressInfo;
    const host = options.host ?? '127.0.0.1';
    this.#server = server;
    this.url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.apiBase = `${this.url}/v1`;
    this.accountsBase = this.url;
    this.imageBase = options.imageBase ?? `${this.url}/image/`;
    this.latencyMs = options.latencyMs ?? 0;
    this.rateLimit = new RateLimiter(this.clock, options.rateLimit ?? null);
    this.refusal = options.refusal ?? null;
    const clients = options.clients ?? [{ clientId: STAND_IN_CLIENT_ID }];
    this.clientId = clients[0]?.clientId ?? STAND_IN_CLIENT_ID;
    const user: UserProfile = { ...DEFAULT_USER, ...options.user };
    this.#defaultUserId = user.id;
    this.auth = new AccountsService({
      clients,
      clock: this.clock,
      accessTokenLifetimeSec: options.accessTokenLifetimeSec ?? 3600,
      refreshTokenLifetimeSec: options.refreshTokenLifetimeSec,
      userId: user.id,
    });
    this.auth.tokenRefusesClient = options.tokenRefusesClient ?? false;
    this.authorize = this.auth.authorizeSettings;
    this.authorize.consentPage = options.consentPage ?? false;
    const library = this.addAccount({ user, library: options.library ?? { size: 1000, seed: 1 } });
    if (options.unavailable) library.makeUnavailable(options.unavailable);
    // Every waiting request listens for close(); hundreds at once are normal in a bench.
    setMaxListeners(Infinity, this.#closing.signal);
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (request: StandInRequest, response: StandInResponse) => void this.#handle(request, response));
  }

  /** The default account's saved tracks; see saved-library.ts for the mutation helpers. */
  get library(): SavedLibrary {
    return this.#accounts.get(this.#defaultUserId)!.library;
  }

  get user(): UserProfile {
    return this.#accounts.get(this.#defaultUserId)!.user;
  }

  /** Build variables that point an extension build at this stand-in. */
  get buildEnv(): Record<'WXT_SPOTIFY_API_BASE' | 'WXT_SPOTIFY_ACCOUNTS_BASE' | 'WXT_SPOTIFY_CLIENT_ID', string> {
    return { WXT_SPOTIFY_API_BASE: this.apiBase, WXT_SPOTIFY_ACCOUNTS_BASE: this.accountsBase, WXT_SPOTIFY_CLIENT_ID: this.clientId };
  }

  /**
   * Another Spotify account with its own library. Sign-ins go to it after
   * `standIn.authorize.userId = user.id`; tokens from `auth.issueTokens({ userId })` reach it directly.
   */
  addAccount(account: { user: Partial<UserProfile> & { id: string }; library: LibrarySource }): SavedLibrary {
    // Each account its own account_id, unless told otherwise: clients key their data by it.
    const user: UserProfile = { display_name: account.user.id, account_id: new IdFactory(hashString(account.user.id)).next().slice(0, 10), ...account.user };
    const library = new SavedLibrary(this.#generate(account.library), this.clock, {
      seed: Array.isArray(account.library) ? 1 : account.library.seed,
      apiBase: this.apiBase,
      imageBase: this.imageBase,
    });
    this.#accounts.set(user.id, { user, library });
    return library;
  }

  accountLibrary(userId: string): SavedLibrary | undefined {
    return this.#accounts.get(userId)?.library;
  }

  /** Every logged request so far (all but cover images and CORS preflights), oldest first. */
  get requests(): readonly LoggedRequest[] {
    return this.#log.entries;
  }

  get peakConcurrency(): number {
    return this.#log.peakConcurrency;
  }

  get inFlight(): number {
    return this.#log.inFlight;
  }

  resetPeakConcurrency(): void {
    this.#log.resetPeakConcurrency();
  }

  /** Forgets logged requests and resets the peak concurrency. */
  clearLog(): void {
    this.#log.clear();
  }

  /** Logged requests whose path starts with `match`, or for which `match` returns true. */
  count(match: RequestMatcher): number {
    return this.#log.count(match);
  }

  /** Calls `listener` before each Web API request is answered (after its latency). */
  onRequest(listener: RequestListener): () => void {
    this.#beforeAnswer.add(listener);
    return () => this.#beforeAnswer.delete(listener);
  }

  /**
   * Runs `action` once, right after the `n`-th answered request from now that matches
   * (default: Web API requests), before any later request is answered — e.g. to add tracks
   * after the 3rd page of a sync.
   */
  afterRequests(n: number, action: (standIn: StandIn) => void, match: RequestMatcher = isApiRequest): () => void {
    const matches = toPredicate(match);
    let seen = 0;
    const listener = (request: LoggedRequest): void => {
      if (!matches(request) || ++seen < n) return;
      this.#afterAnswer.delete(listener);
      action(this);
    };
    this.#afterAnswer.add(listener);
    return () => this.#afterAnswer.delete(listener);
  }

  async close(): Promise<void> {
    this.#closing.abort();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }

  #generate(source: LibrarySource): GeneratedLibrary {
    if (Array.isArray(source)) return { saved: source, unsaved: [], otherVersions: new Map(), bothVersionsSaved: [] };
    return generateLibraryAndCatalog({
      size: source.size,
      seed: source.seed ?? 1,
      now: source.now ?? DEFAULT_LIBRARY_NOW,
      apiBase: this.apiBase,
      imageBase: this.imageBase,
    });
  }

  async #handle(request: StandInRequest, response: StandInResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') return send(response, preflightReply());
    if (url.pathname.startsWith('/image/')) {
      return send(response, {
        status: 200,
        headers: { 'content-type': 'image/png', 'cache-control': 'max-age=86400' },
        body: coverPng(url.pathname.slice('/image/'.length)),
      });
    }

    const entry = this.#log.begin(method, url.pathname, Object.fromEntries(url.searchParams), request.httpVersion);
    response.once('close', () => this.#log.end(entry));
    try {
      const body = await readBody(request);
      // Counted when it arrives, answered after the latency like any other request.
      const limited = isApiRequest(entry) ? this.#admit(request) : null;
      await this.#wait(this.latencyMs);
      if (isApiRequest(entry)) for (const listener of this.#beforeAnswer) listener(entry, this);
      // A request whose client gave up meanwhile is still carried out (as Spotify would), but
      // a fault spent on it would never be seen: it is kept for the next request.
      const fault = limited || isGone(response) ? undefined : this.faults.take(entry);
      if (fault) entry.fault = fault.kind;
      if (fault?.kind === 'drop') {
        dropConnection(request);
        return;
      }
      if (fault?.kind === 'hang') await this.#wait(fault.ms);
      const reply = limited ?? (fault && fault.kind !== 'hang' ? this.#faultReply(fault, request, entry, body) : this.#answer(request, entry, body));
      if (isGone(response)) return;
      entry.status = reply.status;
      send(response, reply);
      for (const listener of [...this.#afterAnswer]) listener(entry);
    } catch (error) {
      if (this.#closing.signal.aborted) return;
      // A bug in the stand-in should fail the test loudly, not hang it.
      if (!response.headersSent && !isGone(response)) {
        entry.status = 500;
        send(response, apiErrorReply(500, `stand-in error: ${error instanceof Error ? error.stack : String(error)}`));
      }
    }
  }

  #admit(request: StandInRequest): Reply | null {
    const clientId = this.auth.clientOf(request.headers.authorization);
    return clientId === undefined ? null : this.rateLimit.admit(clientId);
  }

  #answer(request: StandInRequest, entry: LoggedRequest, body: string): Reply {
    const { method, path, query } = entry;
    if (method === 'GET' && path === '/authorize') return this.auth.handleAuthorize(query);
    if (method === 'GET' && path === '/authorize/consent') return this.auth.handleConsent(query);
    if (method === 'POST' && path === '/api/token') {
      const isForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      return isForm ? this.auth.handleToken(new URLSearchParams(body)) : oauthErrorReply('unsupported_grant_type', 'grant_type parameter is missing');
    }
    const found = findApiRoute(method, path);
    if (!found) return apiErrorReply(404, 'Service not found');
    const caller = this.auth.authenticate(request.headers.authorization);
    if ('status' in caller) return caller;
    if (this.refusal) return refusalReply(this.refusal);
    if (found.route.scope && !caller.scopes.has(found.route.scope)) return apiErrorReply(403, 'Insufficient client scope');
    const account = this.#accounts.get(caller.userId);
    if (!account) return apiErrorReply(401, 'Invalid access token');
    return found.route.answer({ query, pathParams: found.pathParams }, { apiBase: this.apiBase, user: account.user, library: account.library });
  }

  #faultReply(fault: Exclude<Fault, { kind: 'drop' | 'hang' }>, request: StandInRequest, entry: LoggedRequest, body: string): Reply {
    switch (fault.kind) {
      case 'status': {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
        if (fault.body !== undefined) return withHeaders(customBody(fault.status, fault.body), headers);
        const message = fault.status === 429 ? 'API rate limit exceeded' : (STATUS_MESSAGES[fault.status] ?? 'Error');
        return apiErrorReply(fault.status, message, { reason: fault.reason, headers });
      }
      case 'malformed': {
        // The real answer cut in half: valid HTTP, invalid JSON.
        const real = this.#answer(request, entry, body);
        const text = real.body.length > 2 ? real.body : '{"items":[{"added_at":"2026-01-01T00:00:00Z","track":{"id"';
        return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: text.slice(0, Math.ceil(text.length / 2)) };
      }
      case 'body':
        return customBody(200, fault.body);
    }
  }

  /** Waits on a timer (none at 0 ms); `close()` cuts every wait short. */
  async #wait(ms: number): Promise<void> {
    if (ms > 0) await sleep(ms, undefined, { signal: this.#closing.signal });
  }
}

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  500: 'Server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

function preflightReply(): Reply {
  return {
    ...emptyReply(204),
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type',
      'access-control-max-age': '86400',
    },
  };
}

/** A custom fault body: strings go out as they are (an HTML error page, say), the rest as JSON. */
function customBody(status: number, body: unknown): Reply {
  return typeof body === 'string' ? { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body } : jsonReply(status, body);
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function send(response: StandInResponse, reply: Reply): void {
  // Encoded once: a page of saved tracks is ~180 KB, and measuring the string first cost as much again.
  const body = Buffer.from(reply.body);
  response.writeHead(reply.status, { ...CORS_HEADERS, ...reply.headers, 'content-length': body.length });
  response.end(body);
}

/** The client went away, or the connection (HTTP/1.1) or stream (HTTP/2) was cut. */
function isGone(response: StandInResponse): boolean {
  return 'stream' in response ? response.stream.destroyed : response.destroyed;
}

/**
 * The `drop` fault. Over HTTP/1.1 the connection is cut; over HTTP/2 the request's stream is
 * reset, and the other requests on the connection carry on (the client sees a network error
 * for this one either way).
 */
function dropConnection(request: StandInRequest): void {
  if ('stream' in request) request.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
  else request.socket.destroy();
}

function readBody(request: StandInRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
