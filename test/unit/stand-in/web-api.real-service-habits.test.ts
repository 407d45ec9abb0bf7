/** The stand-in's switches that make it behave like the real service in 2026 (SPEC §3, §9). */
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSAL_MESSAGES } from '../../stand-in/refusals';
import { startStandIn, type StandIn } from '../../stand-in/server';
import type { PagingSavedTrackObject, SavedTrackObject } from '../../stand-in/spotify-types';
import { callApi } from './http';
import { loadSpotifySchemas } from './spotify-schemas';

const schemas = loadSpotifySchemas();
let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

const ENDPOINTS: Array<[string, string]> = [
  ['GET', '/me'],
  ['GET', '/me/tracks?limit=50&offset=0'],
  ['GET', '/me/library/contains?uris=spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
  ['PUT', '/me/library?uris=spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
  ['GET', '/tracks/4uLU6hMCjMI75M1A2tKUQC'],
];

describe('development-mode refusals', () => {
  it.each(ENDPOINTS)('answer %s %s with premium-required as the Web API error object', async (method, path) => {
    standIn = await startStandIn({ library: { size: 10 }, refusal: { problem: 'premium-required', format: 'json' } });
    const response = await callApi(standIn, method, path, standIn.auth.issueTokens().access_token);
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: { status: 403, message: REFUSAL_MESSAGES['premium-required'] } });
    expect(schemas.checkResponse('Forbidden', response.json).valid).toBe(true);
  });

  it.each(ENDPOINTS)('answer %s %s with user-not-registered as plain text', async (method, path) => {
    standIn = await startStandIn({ library: { size: 10 }, refusal: { problem: 'user-not-registered', format: 'text' } });
    const response = await callApi(standIn, method, path, standIn.auth.issueTokens().access_token);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.text).toBe('User not registered in the Developer Dashboard');
  });

  it('come after the token check, and stop when switched off', async () => {
    standIn = await startStandIn({ library: { size: 10 }, refusal: { problem: 'premium-required', format: 'json' } });
    expect((await callApi(standIn, 'GET', '/me', 'not-a-token')).status).toBe(401);
    const token = standIn.auth.issueTokens().access_token;
    expect((await callApi(standIn, 'GET', '/me', token)).status).toBe(403);
    standIn.refusal = null;
    expect((await callApi(standIn, 'GET', '/me', token)).status).toBe(200);
  });
});

describe('unavailable saved tracks', () => {
  async function page(offset: number, limit = 50): Promise<PagingSavedTrackObject> {
    const response = await callApi(standIn!, 'GET', `/me/tracks?limit=${limit}&offset=${offset}`, standIn!.auth.issueTokens().access_token);
    return response.json as PagingSavedTrackObject;
  }
  /** Track ids on the pages; local files have none, as in `availableIds()`. */
  const idsOf = (pages: PagingSavedTrackObject[]) => pages.flatMap((one) => one.items.flatMap((item) => (item as SavedTrackObject).track.id ?? []));

  it('are left out of short pages while total counts them, the same on every call', async () => {
    standIn = await startStandIn({ library: { size: 2630, seed: 3 }, unavailable: 27 });
    const pages = await Promise.all(Array.from({ length: 53 }, (_, index) => page(index * 50)));
    expect(new Set(pages.map((one) => one.total))).toEqual(new Set([2630]));
    expect(pages.reduce((sum, one) => sum + one.items.length, 0)).toBe(2603);
    expect(pages.filter((one) => one.items.length < Math.min(50, 2630 - one.offset)).length).toBeGreaterThan(1);
    expect(idsOf(pages)).toEqual(standIn.library.availableIds());
    expect(standIn.library.unavailableIds()).toHaveLength(27);
    expect(idsOf(await Promise.all(Array.from({ length: 53 }, (_, index) => page(index * 50))))).toEqual(idsOf(pages));
    // Pages keep their absolute offsets and next links: the next page starts after the hidden ones.
    expect(pages[0]!.next).toContain('offset=50');
  });

  it('stay unavailable where they are as the list moves, and stay saved', async () => {
    standIn = await startStandIn({ library: { size: 300, seed: 5 }, unavailable: 4 });
    const hidden = standIn.library.unavailableIds();
    standIn.library.add(7);
    standIn.library.removeAt([100]);
    const pages = await Promise.all([0, 50, 100, 150, 200, 250, 300].map((offset) => page(offset)));
    expect(idsOf(pages)).toEqual(standIn.library.availableIds());
    expect(standIn.library.unavailableIds()).toEqual(hidden.filter((id) => standIn!.library.isSaved(id)));
    const token = standIn.auth.issueTokens().access_token;
    const contains = await callApi(standIn, 'GET', `/me/library/contains?uris=spotify:track:${hidden[0]}`, token);
    expect(contains.json).toEqual([true]);
  });
});
