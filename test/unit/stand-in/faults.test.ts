/** Fault knobs, latency, concurrency and the request log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/server';
import type { PagingSavedTrackObject } from '../../stand-in/spotify-types';
import { callApi, postToken } from './http';

let standIn: StandIn;
let token: string;

beforeEach(async () => {
  standIn = await startStandIn({ library: { size: 300 } });
  token = standIn.auth.issueTokens().access_token;
});
afterEach(() => standIn.close());

const page = (offset: number): Promise<{ status: number; json: unknown; text: string; headers: Headers }> =>
  callApi(standIn, 'GET', `/me/tracks?limit=50&offset=${offset}`, token);

describe('fault knobs', () => {
  it('answers an error status `times` times, then normally', async () => {
    standIn.faults.push({ kind: 'status', status: 503, times: 2 });
    expect((await page(0)).status).toBe(503);
    const second = await page(0);
    expect(second.json).toEqual({ error: { status: 503, message: 'Service unavailable' } });
    expect((await page(0)).status).toBe(200);
    expect(standIn.requests.map((request) => request.fault)).toEqual(['status', 'status', undefined]);
  });

  it('applies rules in order and only to matching requests', async () => {
    standIn.faults.push(
      { kind: 'status', status: 500, match: { path: '/v1/me/tracks', query: (query) => Number(query.offset) >= 100 } },
      { kind: 'status', status: 502, match: { method: 'GET', path: /^\/v1\/tracks\// } },
    );
    expect((await page(50)).status).toBe(200);
    expect((await page(150)).status).toBe(500);
    expect((await page(150)).status).toBe(200);
    expect((await callApi(standIn, 'GET', `/tracks/${standIn.library.savedIds()[0]}`, token)).status).toBe(502);
    expect(standIn.faults.pending()).toEqual([]);
  });

  it('leaves the accounts service alone unless a rule names it', async () => {
    standIn.faults.push({ kind: 'status', status: 500 });
    const refreshToken = standIn.auth.issueTokens().refresh_token;
    const form = { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: standIn.clientId };
    expect((await postToken(standIn, form)).status).toBe(200);
    expect((await page(0)).status).toBe(500);
    standIn.faults.push({ kind: 'status', status: 503, match: { path: '/api/token' } });
    expect((await postToken(standIn, form)).status).toBe(503);
  });

  it('keeps a rule with times: Infinity until cleared', async () => {
    standIn.faults.push({ kind: 'status', status: 502, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await page(0)).status).toBe(502);
    standIn.faults.clear();
    expect((await page(0)).status).toBe(200);
  });

  it('can send a custom error body', async () => {
    standIn.faults.push({ kind: 'status', status: 502, body: '<html>Bad gateway</html>' });
    const response = await page(0);
    expect(response.text).toBe('<html>Bad gateway</html>');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('drops the connection without a response', async () => {
    standIn.faults.push({ kind: 'drop' });
    await expect(page(0)).rejects.toThrow();
    await waitFor(() => standIn.requests[0]?.endedAt !== undefined);
    expect(standIn.requests[0]).toMatchObject({ status: 0, fault: 'drop' });
    expect((await page(0)).status).toBe(200);
  });

  it('hangs: a client with a shorter timeout gives up, a patient one gets the answer', async () => {
    standIn.faults.push({ kind: 'hang', ms: 60_000 });
    await expect(fetch(`${standIn.apiBase}/me/tracks`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(100) })).rejects.toThrow(
      expect.objectContaining({ name: 'TimeoutError' }),
    );

    standIn.faults.push({ kind: 'hang', ms: 150 });
    const patient = await page(0);
    expect(patient.status).toBe(200);
    expect(standIn.requests.at(-1)).toMatchObject({ status: 200, fault: 'hang' });
  });

  it('does not spend a fault on a request its client gave up on before the answer', async () => {
    // Under load a client's timeout can fire while the request waits its latency: the fault
    // must reach the next request the client does see, or a test arranging it never meets it.
    standIn.latencyMs = 300;
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 7200 });
    await expect(fetch(`${standIn.apiBase}/me/tracks`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(50) })).rejects.toThrow(
      expect.objectContaining({ name: 'TimeoutError' }),
    );
    await waitFor(() => standIn.requests[0]?.endedAt !== undefined);
    expect((await page(0)).status).toBe(429);
  });

  it('sends malformed JSON with status 200', async () => {
    standIn.faults.push({ kind: 'malformed' });
    const response = await page(0);
    expect(response.status).toBe(200);
    expect(response.text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('sends any body with status 200', async () => {
    standIn.faults.push({ kind: 'body', body: { href: 1, items: 'none', total: '300' } });
    expect((await page(0)).json).toEqual({ href: 1, items: 'none', total: '300' });
  });

  it('does not keep close() waiting on a hanging request', async () => {
    standIn.faults.push({ kind: 'hang', ms: 60_000 });
    const pending = page(0).catch(() => 'closed');
    await waitFor(() => standIn.inFlight === 1);
    // A close that waited for the hang would outlast the test's timeout by far.
    await standIn.close();
    expect(await pending).toBe('closed');
    standIn = await startStandIn({ library: { size: 1 } }); // for afterEach
  });
});

describe('latency and concurrency', () => {
  it('delays each request on a timer, so concurrent requests overlap', async () => {
    standIn.latencyMs = 100;
    const responses = await Promise.all([0, 50, 100, 150, 200, 250].map(page));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    // Each waited its latency (a lower bound a timer keeps), and all six waited at once.
    expect(standIn.requests.every((request) => request.endedAt! - request.startedAt >= 99)).toBe(true);
    expect(standIn.peakConcurrency).toBe(6);
    expect(standIn.requests.map((request) => request.inFlightAtStart).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    standIn.resetPeakConcurrency();
    await page(0);
    expect(standIn.peakConcurrency).toBe(1);
  });
});

describe('request log', () => {
  it('records method, path, query, status and timing', async () => {
    const before = Date.now();
    await page(100);
    await callApi(standIn, 'GET', '/me', 'bad-token');
    const [tracks, me] = standIn.requests;
    expect(tracks).toMatchObject({ method: 'GET', path: '/v1/me/tracks', query: { limit: '50', offset: '100' }, status: 200, inFlightAtStart: 0 });
    expect(tracks!.startedAt).toBeGreaterThanOrEqual(before);
    expect(tracks!.endedAt).toBeGreaterThanOrEqual(tracks!.startedAt);
    expect(me).toMatchObject({ path: '/v1/me', status: 401 });
  });

  it('counts by path prefix or predicate, and clears', async () => {
    await page(0);
    await page(50);
    await callApi(standIn, 'GET', '/me', token);
    expect(standIn.count('/v1/me/tracks')).toBe(2);
    expect(standIn.count('/v1/')).toBe(3);
    expect(standIn.count((request) => request.query.offset === '50')).toBe(1);
    standIn.clearLog();
    expect(standIn.requests).toEqual([]);
    expect(standIn.count('/v1/')).toBe(0);
  });

  it('does not log cover images and CORS preflights, which it still serves', async () => {
    const track = standIn.library.saved().find((item) => !item.track.is_local)!.track;
    const cover = await fetch(track.album.images[2]!.url as string);
    expect(cover.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await cover.arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]);
    const preflight = await fetch(`${standIn.apiBase}/me/tracks`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(standIn.requests).toEqual([]);
  });

  it('serves pages of a 100,000-track library by slicing, concurrently', async () => {
    const big = await startStandIn({ library: { size: 100_000 }, latencyMs: 20 });
    try {
      const bigToken = big.auth.issueTokens().access_token;
      const offsets = Array.from({ length: 40 }, (_, i) => 99_000 + i * 25);
      const pages = await Promise.all(
        offsets.map(async (offset) => {
          const response = await fetch(`${big.apiBase}/me/tracks?limit=50&offset=${offset}`, { headers: { authorization: `Bearer ${bigToken}` } });
          return (await response.json()) as PagingSavedTrackObject;
        }),
      );
      expect(pages.at(-1)!.items).toHaveLength(25);
      expect(pages.at(-1)!.next).toBeNull();
      expect(big.peakConcurrency).toBeGreaterThan(4);
    } finally {
      await big.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
