import { describe, expect, it } from 'vitest';
import { createSpotifyApi } from '../../../lib/spotify/api-client';
import { createAuth, SignInError, type AuthEnvironment } from '../../../lib/spotify/auth';
import { NotSignedInError, RateLimitedError, SessionEndedError } from '../../../lib/spotify/errors';
import type { SessionStore, SpotifySession } from '../../../lib/spotify/session-store';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const PREMIUM_REQUIRED =
  'Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.';

function memoryStore(initial: SpotifySession | null = null): SessionStore & { value: SpotifySession | null } {
  return {
    value: initial,
    async load() {
      return this.value;
    },
    async save(session) {
      this.value = session;
    },
    async clear() {
      this.value = null;
    },
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

interface FakeAccounts {
  tokenForms: URLSearchParams[];
  authorizeUrls: URL[];
}

/** The identity API and Spotify's accounts service, scripted per test. */
function environment(options: {
  redirect?: (authorize: URL) => string;
  identityError?: string;
  tokenAnswer?: (form: URLSearchParams) => Response;
  authorizePage?: () => Response | Error;
  profile?: () => Response;
  store?: SessionStore;
  now?: () => number;
}): AuthEnvironment & FakeAccounts {
  const tokenForms: URLSearchParams[] = [];
  const authorizeUrls: URL[] = [];
  const env: AuthEnvironment & FakeAccounts = {
    tokenForms,
    authorizeUrls,
    accountsBase: 'https://accounts.test',
    // The background reads it through its API client: the same here, over this fake `fetch`.
    readProfile: (session) =>
      createSpotifyApi({ apiBase: 'https://api.test/v1', tokens: session.tokens, fetch: (input, init) => env.fetch!(input, init) }).get('/me', undefined, {
        session,
      }),
    scopes: ['user-library-read', 'user-library-modify'],
    store: options.store ?? memoryStore(),
    now: options.now,
    identity: {
      getRedirectURL: () => REDIRECT,
      async launchWebAuthFlow({ url }) {
        const authorize = new URL(url);
        authorizeUrls.push(authorize);
        if (options.identityError) throw new Error(options.identityError);
        return options.redirect?.(authorize) ?? `${REDIRECT}?code=c0de&state=${authorize.searchParams.get('state')}`;
      },
    },
    async fetch(input, init) {
      const url = new URL(String(input));
      if (url.pathname === '/api/token') {
        const form = new URLSearchParams(String(init?.body));
        tokenForms.push(form);
        return (
          options.tokenAnswer?.(form) ??
          json({
            access_token: `access-${tokenForms.length}`,
            token_type: 'Bearer',
            expires_in: 3600,
            refresh_token: 'refresh-1',
            scope: 'user-library-read user-library-modify',
          })
        );
      }
      if (url.pathname === '/v1/me') return options.profile?.() ?? json({ id: 'user-id', account_id: 'acct-1', display_name: 'Ada' });
      if (url.pathname === '/authorize') {
        const page = options.authorizePage?.() ?? new Response('', { status: 302 });
        if (page instanceof Error) throw page;
        return page;
      }
      return json({}, 404);
    },
  };
  return env;
}

function session(overrides: Partial<SpotifySession> = {}): SpotifySession {
  return {
    clientId: 'c'.repeat(32),
    accessToken: 'old-access',
    expiresAt: 0,
    refreshToken: 'refresh-1',
    scope: 'user-library-read user-library-modify',
    account: { key: 'acct-1', displayName: 'Ada' },
    ...overrides,
  };
}

describe('signIn', () => {
  it('authorizes with PKCE S256 exactly as SPEC §3 lists, then exchanges the code', async () => {
    const env = environment({});
    const account = await createAuth(env).signIn('0123456789abcdef0123456789abcdef');
    expect(account).toEqual({ key: 'acct-1', displayName: 'Ada' });

    const authorize = env.authorizeUrls[0];
    expect(authorize.origin + authorize.pathname).toBe('https://accounts.test/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: '0123456789abcdef0123456789abcdef',
      redirect_uri: REDIRECT,
      scope: 'user-library-read user-library-modify',
      code_challenge_method: 'S256',
    });
    expect(authorize.searchParams.get('state')).toMatch(/^.{32}$/);

    const form = Object.fromEntries(env.tokenForms[0]);
    expect(form).toMatchObject({ grant_type: 'authorization_code', code: 'c0de', redirect_uri: REDIRECT });
    expect(form.code_verifier.length).toBeGreaterThanOrEqual(43);
    expect(await env.store.load()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('uses id when the profile has no account_id', async () => {
    const env = environment({});
    const fetchProfile = env.fetch!;
    env.fetch = async (input, init) => (String(input).endsWith('/v1/me') ? json({ id: 'plain-id', display_name: null }) : fetchProfile(input, init));
    expect(await createAuth(env).signIn('a'.repeat(32))).toEqual({ key: 'plain-id', displayName: 'plain-id' });
  });

  it.each<[string, Parameters<typeof environment>[0], SignInError['problem']]>([
    ['a forged state', { redirect: () => `${REDIRECT}?code=c0de&state=forged` }, 'state-mismatch'],
    ['the user declining', { redirect: (a) => `${REDIRECT}?error=access_denied&state=${a.searchParams.get('state')}` }, 'denied'],
    [
      'an unknown Client ID',
      { identityError: 'Authorization page could not be loaded.', authorizePage: () => new Response('INVALID_CLIENT: Invalid client', { status: 400 }) },
      'invalid-client',
    ],
    [
      'an unregistered redirect URI',
      { identityError: 'Authorization page could not be loaded.', authorizePage: () => new Response('INVALID_CLIENT: Invalid redirect URI', { status: 400 }) },
      'redirect-uri',
    ],
    ['no network', { identityError: 'Authorization page could not be loaded.', authorizePage: () => new TypeError('Failed to fetch') }, 'unreachable'],
    ['the window closed', { identityError: 'The user did not approve access.' }, 'cancelled'],
    ['a refused code', { tokenAnswer: () => json({ error: 'invalid_request', error_description: 'bad verifier' }, 400) }, 'token-exchange'],
    [
      'a Client ID the token endpoint does not know',
      { tokenAnswer: () => json({ error: 'invalid_client', error_description: 'Invalid client' }, 400) },
      'invalid-client',
    ],
    ['a profile refused for Premium (JSON)', { profile: () => json({ error: { status: 403, message: PREMIUM_REQUIRED } }, 403) }, 'premium-required'],
    ['a profile refused for Premium (plain text)', { profile: () => new Response(PREMIUM_REQUIRED, { status: 403 }) }, 'premium-required'],
    [
      'an account not in User Management',
      { profile: () => new Response('User not registered in the Developer Dashboard', { status: 403, headers: { 'Content-Type': 'text/plain' } }) },
      'user-not-registered',
    ],
  ])('reports %s clearly and stores nothing', async (_, options, problem) => {
    const env = environment(options);
    const failure = await createAuth(env)
      .signIn('a'.repeat(32))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).problem).toBe(problem);
    expect((failure as SignInError).message.length).toBeGreaterThan(10);
    expect(await env.store.load()).toBeNull();
  });

  it('calls an expired or spent code a failed sign-in, not an ended session', async () => {
    const env = environment({ tokenAnswer: () => json({ error: 'invalid_grant', error_description: 'Invalid authorization code' }, 400) });
    const failure = await createAuth(env)
      .signIn('a'.repeat(32))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).problem).toBe('token-exchange');
    expect((failure as SignInError).message).not.toMatch(/session has ended/i);
    expect((failure as SignInError).message).toMatch(/try again/i);
  });
});

describe('tokens', () => {
  it('returns the stored token while it is fresh', async () => {
    const store = memoryStore(session({ accessToken: 'fresh', expiresAt: 10 * 60_000 }));
    const auth = createAuth(environment({ store, now: () => 0 }));
    expect(await auth.tokens.get()).toBe('fresh');
  });

  it('refreshes before expiry, keeping the old refresh token when none comes back', async () => {
    const store = memoryStore(session({ expiresAt: 30_000 }));
    const env = environment({
      store,
      now: () => 0,
      tokenAnswer: () => json({ access_token: 'new-access', token_type: 'Bearer', expires_in: 3600, scope: '' }),
    });
    expect(await createAuth(env).tokens.get()).toBe('new-access');
    expect(Object.fromEntries(env.tokenForms[0])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'c'.repeat(32),
    });
    expect(store.value).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-1', expiresAt: 3_600_000 });
  });

  it('shares one refresh among concurrent callers', async () => {
    const env = environment({ store: memoryStore(session()), now: () => 0 });
    const auth = createAuth(env);
    const tokens = await Promise.all([auth.tokens.get(), auth.tokens.refresh('old-access'), auth.tokens.get()]);
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(env.tokenForms).toHaveLength(1);
  });

  it('does not refresh again for a token another caller already replaced', async () => {
    const env = environment({ store: memoryStore(session({ accessToken: 'newer', expiresAt: 10 * 60_000 })), now: () => 0 });
    expect(await createAuth(env).tokens.refresh('old-access')).toBe('newer');
    expect(env.tokenForms).toHaveLength(0);
  });

  it('passes a 429 of the token endpoint on with its Retry-After, keeping the session', async () => {
    const store = memoryStore(session());
    const env = environment({
      store,
      now: () => 1_000,
      tokenAnswer: () => new Response('Too many requests', { status: 429, headers: { 'Retry-After': '30' } }),
    });
    const failure = await createAuth(env)
      .tokens.get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitedError);
    expect((failure as RateLimitedError).resumeAt).toBe(31_000);
    expect(store.value).not.toBeNull();
  });

  it('ends the session on invalid_grant: one attempt, tokens forgotten', async () => {
    const store = memoryStore(session());
    const env = environment({ store, now: () => 0, tokenAnswer: () => json({ error: 'invalid_grant', error_description: 'Refresh token revoked' }, 400) });
    await expect(createAuth(env).tokens.get()).rejects.toBeInstanceOf(SessionEndedError);
    expect(env.tokenForms).toHaveLength(1);
    expect(store.value).toBeNull();
  });

  it('says why when the refresh token expired after six months', async () => {
    const env = environment({
      store: memoryStore(session()),
      now: () => 0,
      tokenAnswer: () => json({ error: 'invalid_grant', error_description: 'Refresh token expired' }, 400),
    });
    const failure = await createAuth(env)
      .tokens.get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SessionEndedError);
    expect((failure as SessionEndedError).message).toMatch(/six months.*sign in again/i);
  });

  it('ends the session and names the Client ID when the token endpoint no longer knows the app', async () => {
    const store = memoryStore(session());
    const env = environment({ store, now: () => 0, tokenAnswer: () => json({ error: 'invalid_client', error_description: 'Invalid client' }, 400) });
    const failure = await createAuth(env)
      .tokens.get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SessionEndedError);
    expect((failure as SessionEndedError).problem).toBe('invalid-client');
    expect(store.value).toBeNull();
  });

  describe('a refresh still on the network when the user signs out', () => {
    /** A token endpoint that answers only when told to; `requested` resolves once the refresh is sent. */
    function heldRefresh(store: SessionStore) {
      let release!: (response: Response) => void;
      let sent!: () => void;
      const answer = new Promise<Response>((resolve) => (release = resolve));
      const requested = new Promise<void>((resolve) => (sent = resolve));
      const env = environment({ store, now: () => 0 });
      const fetchOthers = env.fetch!;
      env.fetch = (input, init) => {
        if (!String(input).endsWith('/api/token')) return fetchOthers(input, init);
        sent();
        return answer;
      };
      const tokenAnswer = (body: unknown, status = 200) => release(json(body, status));
      return { env, requested, tokenAnswer };
    }
    const grant = { access_token: 'late-access', token_type: 'Bearer', expires_in: 3600, scope: 'user-library-read' };

    it('never brings the old session back', async () => {
      const store = memoryStore(session());
      const { env, requested, tokenAnswer } = heldRefresh(store);
      const auth = createAuth(env);
      const refreshing = auth.tokens.get().catch((error: unknown) => error);
      await requested;
      await auth.signOut();
      tokenAnswer(grant);
      expect(await refreshing).toBeInstanceOf(NotSignedInError);
      expect(store.value).toBeNull();
      expect(await auth.currentSession()).toBeNull();
    });

    it('does not overwrite the session of the next sign-in, nor end it', async () => {
      const store = memoryStore(session());
      const ended: unknown[] = [];
      const { env, requested, tokenAnswer } = heldRefresh(store);
      env.onSessionEnded = (error) => ended.push(error);
      const auth = createAuth(env);
      const refreshing = auth.tokens.get().catch((error: unknown) => error);
      await requested;
      await auth.signOut();
      const next = session({ accessToken: 'next-access', expiresAt: 10 * 60_000, account: { key: 'acct-2', displayName: 'Bo' } });
      await store.save(next);
      tokenAnswer({ error: 'invalid_grant', error_description: 'Refresh token revoked' }, 400);
      await refreshing;
      expect(store.value).toEqual(next);
      expect(ended).toEqual([]);
      expect(await auth.tokens.get()).toBe('next-access');
    });
  });
});
