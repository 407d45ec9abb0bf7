import { describe, expect, it } from 'vitest';
import { createSpotifyApi, type AccessTokens } from '../../../lib/spotify/api-client';
import { HttpError, NetworkError, RateLimitedError, RefusedError, ServerError, UnexpectedResponseError } from '../../../lib/spotify/errors';
import { freshPacerRecord, Pacer, type PacerClock } from '../../../lib/spotify/pacer';

type Answer = Response | Error;

/** A fake clock and a scripted server: every request takes the next answer. */
function harness(answers: Answer[], tokens?: Partial<AccessTokens>) {
  let clock = 1_000_000;
  const sent: { url: string; at: number; auth: string | null }[] = [];
  const sleeps: number[] = [];
  const api = createSpotifyApi({
    apiBase: 'https://api.test/v1',
    tokens: { get: async () => 'token-1', refresh: async () => 'token-2', ...tokens },
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        at: clock,
        auth: new Headers(init?.headers).get('Authorization'),
      });
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer left');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    maxRetries: 3,
  });
  return { api, sent, sleeps, now: () => clock };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('createSpotifyApi', () => {
  it('sends the bearer token and the query, and returns parsed JSON', async () => {
    const { api, sent } = harness([json({ ok: 1 })]);
    await expect(api.get('/me/tracks', { limit: 50, offset: 100 })).resolves.toEqual({ ok: 1 });
    expect(sent[0].url).toBe('https://api.test/v1/me/tracks?limit=50&offset=100');
    expect(sent[0].auth).toBe('Bearer token-1');
  });

  it('returns undefined for an empty body (PUT/DELETE /me/library)', async () => {
    const { api } = harness([new Response(null, { status: 200 })]);
    await expect(api.put('/me/library', { uris: 'spotify:track:x' })).resolves.toBeUndefined();
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const refreshed: string[] = [];
    const { api, sent } = harness([json({ error: { status: 401, message: 'expired' } }, 401), json({ fine: true })], {
      refresh: async (rejected) => {
        refreshed.push(rejected);
        return 'token-2';
      },
      get: async () => (refreshed.length ? 'token-2' : 'token-1'),
    });
    await expect(api.get('/me')).resolves.toEqual({ fine: true });
    expect(refreshed).toEqual(['token-1']);
    expect(sent.map((request) => request.auth)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up on a second 401 instead of refreshing forever', async () => {
    const { api } = harness([json({}, 401), json({ error: { status: 401, message: 'Invalid access token' } }, 401)]);
    await expect(api.get('/me')).rejects.toEqual(new HttpError(401, 'Invalid access token'));
  });

  it('waits out a short Retry-After and sends nothing inside the window', async () => {
    const { api, sent } = harness([json({}, 429, { 'Retry-After': '7' }), json({ after: 'wait' })]);
    await expect(api.get('/me/tracks')).resolves.toEqual({ after: 'wait' });
    expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(7000);
  });

  it('pauses (throws RateLimitedError) when Spotify asks for more than 20 s', async () => {
    const { api, now } = harness([json({}, 429, { 'Retry-After': '45' })]);
    const failure = await api.get('/me/tracks').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitedError);
    expect((failure as RateLimitedError).resumeAt).toBe(now() + 45_000);
    expect((failure as RateLimitedError).quotaExceeded).toBe(false);
  });

  it('reports QUOTA_EXCEEDED as a quota problem without retrying', async () => {
    const { api, sent } = harness([json({ error: { status: 429, message: 'quota', reason: 'QUOTA_EXCEEDED' } }, 429, { 'Retry-After': '5' })]);
    const failure = await api.get('/me/tracks').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitedError);
    expect((failure as RateLimitedError).quotaExceeded).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('tells every request waiting on the gate of a QUOTA_EXCEEDED, however slowly its body arrives', async () => {
    let bodyArrives!: () => void;
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        bodyArrives = () => {
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ error: { status: 429, message: 'quota', reason: 'QUOTA_EXCEEDED' } })));
          controller.close();
        };
      },
    });
    let answered!: () => void;
    const quotaAnswered = new Promise<void>((resolve) => (answered = resolve));
    const api = createSpotifyApi({
      apiBase: 'https://api.test/v1',
      tokens: { get: async () => 't', refresh: async () => 't' },
      fetch: async (input) => {
        if (String(input).endsWith('/quota')) {
          answered();
          return new Response(slowBody, { status: 429, headers: { 'Retry-After': '3600' } });
        }
        return json({});
      },
    });
    const quota = api.get('/quota').catch((error: unknown) => error);
    await quotaAnswered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const waiting = api.get('/me').catch((error: unknown) => error);
    bodyArrives();
    for (const failure of await Promise.all([quota, waiting])) {
      expect(failure).toBeInstanceOf(RateLimitedError);
      expect((failure as RateLimitedError).quotaExceeded).toBe(true);
    }
  });

  it('starts no request while its pacer’s gate is closed for long', async () => {
    let clock = 0;
    const pacerClock: PacerClock = { now: () => clock, sleep: async () => undefined };
    const pacer = new Pacer({ ...freshPacerRecord(), gate: { until: 90_000, quotaExceeded: false } }, pacerClock);
    let fetched = 0;
    const api = createSpotifyApi({
      apiBase: 'https://api.test/v1',
      tokens: { get: async () => 't', refresh: async () => 't' },
      pacer: async () => pacer,
      fetch: async () => {
        fetched += 1;
        return json({});
      },
    });
    await expect(api.get('/me')).rejects.toBeInstanceOf(RateLimitedError);
    expect(fetched).toBe(0);
    clock = 90_001;
    await expect(api.get('/me')).resolves.toEqual({});
  });

  it('holds calls back for the Retry-After of a 429 from the token endpoint', async () => {
    let refreshes = 0;
    const { api, sent, now } = harness([json({ fine: true })], {
      get: async () => {
        if (refreshes++ === 0) throw new RateLimitedError(now() + 9_000, false);
        return 'token-2';
      },
    });
    const asked = now();
    await expect(api.get('/me/tracks')).resolves.toEqual({ fine: true });
    expect(sent).toHaveLength(1);
    expect(sent[0].at - asked).toBeGreaterThanOrEqual(9_000);
    expect(sent[0].auth).toBe('Bearer token-2');
  });

  it('sends sign-in’s GET /me with the new session’s token, paced by that Client ID’s pacer', async () => {
    const pacersAsked: Array<string | undefined> = [];
    const authorizations: Array<string | null> = [];
    const api = createSpotifyApi({
      apiBase: 'https://api.test/v1',
      tokens: { get: async () => 'stored', refresh: async () => 'stored' },
      pacer: async (clientId) => {
        pacersAsked.push(clientId);
        return new Pacer(freshPacerRecord());
      },
      fetch: async (_, init) => {
        authorizations.push(new Headers(init?.headers).get('Authorization'));
        return json({ id: 'me' });
      },
    });
    const fresh = { get: async () => 'fresh', refresh: async () => 'fresh' };
    await api.get('/me', undefined, { session: { clientId: 'c'.repeat(32), tokens: fresh } });
    await api.get('/me/tracks');
    expect(pacersAsked).toEqual(['c'.repeat(32), undefined]);
    expect(authorizations).toEqual(['Bearer fresh', 'Bearer stored']);
  });

  it.each([
    ['5xx', [json({}, 503), json({}, 502), json({ done: 1 })]],
    ['dropped connections', [new TypeError('fetch failed'), new TypeError('fetch failed'), json({ done: 1 })]],
  ])('retries %s with growing, jittered backoff', async (_, answers) => {
    const { api, sleeps } = harness(answers as Answer[]);
    await expect(api.get('/me')).resolves.toEqual({ done: 1 });
    expect(sleeps).toEqual([250, 500]);
  });

  it('stops after the bounded retries with a clear error', async () => {
    const { api, sent } = harness([json({}, 500), json({}, 500), json({}, 500), json({}, 500)]);
    await expect(api.get('/me')).rejects.toEqual(new ServerError(500));
    expect(sent).toHaveLength(4);
    const offline = harness([1, 2, 3, 4].map(() => new TypeError('fetch failed')));
    await expect(offline.api.get('/me')).rejects.toBeInstanceOf(NetworkError);
  });

  it('fails at once, without a request, when the browser is offline', async () => {
    let fetched = 0;
    const api = createSpotifyApi({
      apiBase: 'https://api.test/v1',
      tokens: { get: async () => 't', refresh: async () => 't' },
      isOnline: () => false,
      fetch: async () => {
        fetched += 1;
        return json({});
      },
    });
    await expect(api.get('/me')).rejects.toBeInstanceOf(NetworkError);
    expect(fetched).toBe(0);
  });

  it('rejects a body that is not JSON', async () => {
    const { api } = harness([new Response('{"items": [', { status: 200 })]);
    await expect(api.get('/me/tracks')).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it('passes Spotify’s message on for other refusals', async () => {
    const { api } = harness([json({ error: { status: 400, message: 'Invalid limit' } }, 400)]);
    await expect(api.get('/me/tracks', { limit: 51 })).rejects.toEqual(new HttpError(400, 'Invalid limit'));
  });

  it.each<[string, Response, RefusedError['problem']]>([
    [
      'premium required (JSON)',
      json({ error: { status: 403, message: 'Active premium subscription required for the owner of the app.' } }, 403),
      'premium-required',
    ],
    ['premium required (plain text)', new Response('Active premium subscription required for the owner of the app.', { status: 403 }), 'premium-required'],
    ['a user not registered (JSON)', json({ error: { status: 403, message: 'User not registered in the Developer Dashboard' } }, 403), 'user-not-registered'],
    ['a user not registered (plain text)', new Response('User not registered in the Developer Dashboard', { status: 403 }), 'user-not-registered'],
  ])('types the development-mode refusal %s, sent once', async (_, answer, problem) => {
    const { api, sent } = harness([answer, json({})]);
    const failure = await api.get('/me/tracks').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RefusedError);
    expect((failure as RefusedError).problem).toBe(problem);
    expect(sent).toHaveLength(1);
  });

  it('reads a 429 whose body is plain text as an ordinary rate limit', async () => {
    const { api, sent } = harness([new Response('Too many requests', { status: 429, headers: { 'Retry-After': '2' } }), json({ ok: 1 })]);
    await expect(api.get('/me/tracks')).resolves.toEqual({ ok: 1 });
    expect(sent[1].at - sent[0].at).toBe(2000);
  });

  it('counts every request it sends, retries included', async () => {
    const { api } = harness([json({}, 500), json({})]);
    await api.get('/me');
    expect(api.requestCount).toBe(2);
  });
});
