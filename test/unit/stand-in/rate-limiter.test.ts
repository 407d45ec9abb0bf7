/** Spotify's rolling 30 s rate limit as the stand-in plays it (rate-limiter.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { Clock } from '../../stand-in/clock';
import { ESCALATED_RETRY_AFTER_S, RateLimiter } from '../../stand-in/rate-limiter';
import type { Reply } from '../../stand-in/reply';
import { startStandIn, type StandIn } from '../../stand-in/server';
import { callApi, postToken } from './http';

function pinnedLimiter(limit: number | null) {
  const clock = new Clock();
  clock.set(Date.parse('2026-12-01T10:00:00Z'));
  return { clock, limiter: new RateLimiter(clock, limit) };
}

const retryAfter = (reply: Reply | null) => (reply === null ? null : Number(reply.headers['retry-after']));

describe('RateLimiter', () => {
  it('lets L requests through in any 30 s; the next gets 429 with the whole seconds until the window has room', () => {
    const { clock, limiter } = pinnedLimiter(3);
    expect(limiter.admit('app')).toBeNull();
    clock.advance(10_000);
    expect(limiter.admit('app')).toBeNull();
    expect(limiter.admit('app')).toBeNull();
    clock.advance(2_500);
    const refused = limiter.admit('app');
    expect(refused?.status).toBe(429);
    // The first request leaves the window 30 s after it came: 17.5 s from now, rounded up.
    expect(retryAfter(refused)).toBe(18);

    clock.advance(18_000);
    expect(limiter.admit('app')).toBeNull();
    // Full again: room when the two requests of 10 s leave, 9.5 s from now.
    expect(retryAfter(limiter.admit('app'))).toBe(10);
  });

  it('answers a request sent during a Retry-After with an hour', () => {
    const { clock, limiter } = pinnedLimiter(2);
    limiter.admit('app');
    limiter.admit('app');
    expect(retryAfter(limiter.admit('app'))).toBe(30);
    clock.advance(500);
    expect(retryAfter(limiter.admit('app'))).toBe(ESCALATED_RETRY_AFTER_S);
    // And that hour is held: the window emptied long ago, the wait has not ended.
    clock.advance(60 * 60_000 - 1_000);
    expect(retryAfter(limiter.admit('app'))).toBe(ESCALATED_RETRY_AFTER_S);
  });

  it('answers the third 429 within ten minutes with an hour, even after each wait was kept', () => {
    const { clock, limiter } = pinnedLimiter(1);
    const waits: Array<number | null> = [];
    for (let round = 0; round < 3; round++) {
      expect(limiter.admit('app')).toBeNull();
      clock.advance(1_000);
      const wait = retryAfter(limiter.admit('app'));
      waits.push(wait);
      clock.advance((wait ?? 0) * 1000);
    }
    expect(waits).toEqual([29, 29, ESCALATED_RETRY_AFTER_S]);
  });

  it('forgets 429s older than ten minutes', () => {
    const { clock, limiter } = pinnedLimiter(1);
    for (let round = 0; round < 3; round++) {
      limiter.admit('app');
      clock.advance(1_000);
      expect(retryAfter(limiter.admit('app'))).toBe(29);
      clock.advance(6 * 60_000);
    }
  });

  it('counts each Client ID on its own', () => {
    const { limiter } = pinnedLimiter(1);
    expect(limiter.admit('one')).toBeNull();
    expect(limiter.admit('two')).toBeNull();
    expect(limiter.admit('one')?.status).toBe(429);
    expect(limiter.refusals()).toEqual([expect.objectContaining({ clientId: 'one', retryAfterS: 30 })]);
  });

  it('says it in Spotify’s JSON error envelope and in plain text, in turn', () => {
    const { clock, limiter } = pinnedLimiter(1);
    limiter.admit('app');
    const first = limiter.admit('app')!;
    clock.advance(20 * 60_000);
    limiter.admit('app');
    const second = limiter.admit('app')!;
    expect(JSON.parse(String(first.body))).toEqual({ error: { status: 429, message: 'API rate limit exceeded' } });
    expect(second.headers['content-type']).toMatch(/^text\/plain/);
    expect(second.body).toBe('Too many requests');
  });

  it('limits nothing without a limit', () => {
    const { limiter } = pinnedLimiter(null);
    for (let request = 0; request < 1000; request++) expect(limiter.admit('app')).toBeNull();
  });
});

describe('the stand-in with a rate limit', () => {
  let standIn: StandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it('counts Web API requests by the Client ID of their token, not the token endpoint', async () => {
    standIn = await startStandIn({ library: { size: 10 }, rateLimit: 2, clients: [{ clientId: 'a'.repeat(32) }, { clientId: 'b'.repeat(32) }] });
    const first = standIn.auth.issueTokens({ clientId: 'a'.repeat(32) });
    const again = standIn.auth.issueTokens({ clientId: 'a'.repeat(32) });
    const other = standIn.auth.issueTokens({ clientId: 'b'.repeat(32) });
    expect((await callApi(standIn, 'GET', '/me', first.access_token)).status).toBe(200);
    expect((await callApi(standIn, 'GET', '/me/tracks', again.access_token)).status).toBe(200);
    const refused = await callApi(standIn, 'GET', '/me', first.access_token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect((await callApi(standIn, 'GET', '/me', other.access_token)).status).toBe(200);
    const refreshed = await postToken(standIn, { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'a'.repeat(32) });
    expect(refreshed.status).toBe(200);
    expect(standIn.requests.map((request) => request.status)).toEqual([200, 200, 429, 200, 200]);
  });

  it('runs its window on the stand-in’s clock', async () => {
    standIn = await startStandIn({ library: { size: 10 }, rateLimit: 1 });
    const { access_token: token } = standIn.auth.issueTokens();
    expect((await callApi(standIn, 'GET', '/me', token)).status).toBe(200);
    standIn.clock.advance(31_000);
    expect((await callApi(standIn, 'GET', '/me', token)).status).toBe(200);
  });

  it('has the token endpoint answer 429 with a Retry-After through a fault knob', async () => {
    standIn = await startStandIn({ library: { size: 10 } });
    const { refresh_token: refreshToken } = standIn.auth.issueTokens();
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 30, match: { path: '/api/token' } });
    const refused = await postToken(standIn, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: standIn.clientId });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
  });
});
