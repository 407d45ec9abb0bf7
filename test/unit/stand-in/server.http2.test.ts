/** The stand-in's HTTP/2 mode (`tls: true`): what the bench syncs over, as Chromium talks to api.spotify.com. */
import { get as httpsGet } from 'node:https';
import { connect } from 'node:http2';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp2Fetch, type Http2Fetch } from '../../stand-in/http2-fetch';
import { STAND_IN_CERTIFICATE, startStandIn, type StandIn } from '../../stand-in/server';

let standIn: StandIn | undefined;
let fetch: Http2Fetch | undefined;
afterEach(async () => {
  fetch?.close();
  await standIn?.close();
  standIn = fetch = undefined;
});

async function start(latencyMs = 0): Promise<{ standIn: StandIn; fetch: Http2Fetch; token: string }> {
  standIn = await startStandIn({ tls: true, library: { size: 1000, seed: 5 }, latencyMs });
  fetch = createHttp2Fetch();
  return { standIn, fetch, token: standIn.auth.issueTokens().access_token };
}

const tracksUrl = (s: StandIn, offset: number) => `${s.apiBase}/me/tracks?limit=50&offset=${offset}`;

describe('the stand-in over HTTP/2 with TLS', () => {
  it('serves https:// bases, and HTTP/2 to a client that offers it', async () => {
    const { standIn, fetch, token } = await start();
    expect(standIn.apiBase).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(standIn.accountsBase).toBe(standIn.url);
    expect(standIn.imageBase.startsWith(`${standIn.url}/`)).toBe(true);

    const response = await fetch(tracksUrl(standIn, 50), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { total: number; offset: number; items: unknown[] };
    expect(page).toMatchObject({ total: 1000, offset: 50 });
    expect(page.items).toEqual(JSON.parse(JSON.stringify(standIn.library.saved().slice(50, 100))));
    expect(standIn.requests.map((request) => [request.path, request.httpVersion, request.status])).toEqual([['/v1/me/tracks', '2.0', 200]]);
  });

  it('keeps many requests in flight on one connection, where Chromium would queue HTTP/1.1 ones beyond 6', async () => {
    const { standIn, token } = await start(200);
    const session = connect(standIn.url, { ca: STAND_IN_CERTIFICATE });
    try {
      const statuses = await Promise.all(
        Array.from(
          { length: 8 },
          (_, page) =>
            new Promise<number>((resolve, reject) => {
              const stream = session.request({ ':path': `/v1/me/tracks?limit=50&offset=${page * 50}`, authorization: `Bearer ${token}` });
              stream.on('response', (headers) => resolve(Number(headers[':status'])));
              stream.on('error', reject);
              stream.resume();
            }),
        ),
      );
      expect(statuses).toEqual(new Array(8).fill(200));
      // Eight at once on one connection: all were in flight together, none queued behind another.
      expect(standIn.peakConcurrency).toBe(8);
    } finally {
      session.close();
    }
  });

  it('still answers HTTP/1.1 over TLS', async () => {
    const { standIn, token } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsGet(tracksUrl(standIn, 0), { ca: STAND_IN_CERTIFICATE, headers: { authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
    });
    expect(status).toBe(200);
    expect(standIn.requests[0]!.httpVersion).toBe('1.1');
  });

  it('signs in through /authorize and /api/token as over HTTP/1.1', async () => {
    const { standIn, fetch } = await start();
    const authorize = await fetch(
      `${standIn.accountsBase}/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: standIn.clientId,
        redirect_uri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
        scope: 'user-library-read user-library-modify',
        state: 'state-1',
        code_challenge_method: 'S256',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      })}`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(302);
    const code = new URL(authorize.headers.get('location')!).searchParams.get('code');
    const token = await fetch(`${standIn.accountsBase}/api/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        redirect_uri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
        client_id: standIn.clientId,
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      }),
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ token_type: 'Bearer', scope: 'user-library-read user-library-modify' });
  });

  it('resets one stream for a dropped connection; the other requests on the connection carry on', async () => {
    const { standIn, fetch, token } = await start(50);
    standIn.faults.push({ kind: 'drop', match: { path: '/v1/me/tracks', query: (query) => query.offset === '100' } });
    const results = await Promise.allSettled(
      [0, 50, 100, 150].map((offset) => fetch(tracksUrl(standIn, offset), { headers: { authorization: `Bearer ${token}` } })),
    );
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value.status : 'network error'))).toEqual([200, 200, 'network error', 200]);
    expect((await fetch(tracksUrl(standIn, 100), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('closes promptly with a connection open and a request waiting', async () => {
    const { standIn: closing, fetch, token } = await start(60_000);
    const waiting = fetch(tracksUrl(closing, 0), { headers: { authorization: `Bearer ${token}` } });
    waiting.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A close that waited for the request's minute of latency would outlast the test's timeout.
    await closing.close();
    standIn = undefined;
    await expect(waiting).rejects.toThrow();
  });
});
