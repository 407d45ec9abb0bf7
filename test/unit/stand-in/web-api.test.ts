/**
 * Every Web API endpoint of the stand-in, checked against the OpenAPI description: `exact`
 * (all non-deprecated fields present, nothing undeclared) unless a comment says why not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/server';
import type { PagingSavedTrackObject, SavedTrackObject, TrackObject } from '../../stand-in/spotify-types';
import { callApi } from './http';
import { loadSpotifySchemas } from './spotify-schemas';

const schemas = loadSpotifySchemas();
const SIZE = 1234;

let standIn: StandIn;
let token: string;

beforeAll(async () => {
  standIn = await startStandIn({ library: { size: SIZE, seed: 11 } });
  token = standIn.auth.issueTokens().access_token;
});
afterAll(() => standIn.close());

function expectSchema(schemaName: string, value: unknown): void {
  const result = schemas.check(schemaName, value);
  expect(result.valid, result.text).toBe(true);
}

function expectErrorResponse(responseName: string, body: unknown, status: number): void {
  const result = schemas.checkResponse(responseName, body);
  expect(result.valid, result.text).toBe(true);
  expect((body as { error: { status: number } }).error.status).toBe(status);
}

/** Local files are checked on their own below: Spotify sends nulls where the schema says string. */
function withoutLocalFiles(page: PagingSavedTrackObject): PagingSavedTrackObject {
  return { ...page, items: page.items.filter((item) => !(item as SavedTrackObject).track.is_local) };
}

describe('GET /v1/me', () => {
  it('is a PrivateUserObject with account_id', async () => {
    const response = await callApi(standIn, 'GET', '/me', token);
    expect(response.status).toBe(200);
    expectSchema('PrivateUserObject', response.json);
    expect(response.json).toMatchObject({ id: standIn.user.id, account_id: standIn.user.account_id, type: 'user' });
  });

  it('can come without account_id, for clients that fall back to id', async () => {
    const other = await startStandIn({ library: { size: 5 }, user: { id: 'legacy', account_id: null } });
    try {
      const response = await callApi(other, 'GET', '/me', other.auth.issueTokens().access_token);
      expect(response.json).not.toHaveProperty('account_id');
      expect(schemas.check('PrivateUserObject', response.json, 'spec').valid).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('GET /v1/me/tracks', () => {
  it.each([
    { offset: 0, limit: 50 },
    { offset: 50, limit: 50 },
    { offset: 440, limit: 50 },
    { offset: 617, limit: 33 },
    { offset: 1200, limit: 50 },
  ])('offset $offset, limit $limit: an exact PagingSavedTrackObject slice of the library', async ({ offset, limit }) => {
    const response = await callApi(standIn, 'GET', `/me/tracks?limit=${limit}&offset=${offset}`, token);
    expect(response.status).toBe(200);
    const page = response.json as PagingSavedTrackObject;
    expectSchema('PagingSavedTrackObject', withoutLocalFiles(page));
    expect(page.items).toEqual(JSON.parse(JSON.stringify(standIn.library.saved().slice(offset, offset + limit))));
    expect(page.total).toBe(SIZE);
    expect(page.href).toBe(`${standIn.apiBase}/me/tracks?offset=${offset}&limit=${limit}`);
    expect(page.previous).toBe(offset === 0 ? null : `${standIn.apiBase}/me/tracks?offset=${Math.max(0, offset - limit)}&limit=${limit}`);
    expect(page.next).toBe(offset + limit >= SIZE ? null : `${standIn.apiBase}/me/tracks?offset=${offset + limit}&limit=${limit}`);
  });

  it('defaults to limit 20, offset 0', async () => {
    const page = (await callApi(standIn, 'GET', '/me/tracks', token)).json as PagingSavedTrackObject;
    expect(page).toMatchObject({ limit: 20, offset: 0 });
    expect(page.items).toHaveLength(20);
  });

  it('follows `next` through the whole library, newest first', async () => {
    const items: unknown[] = [];
    let next: string | null = `${standIn.apiBase}/me/tracks?limit=50`;
    while (next) {
      const page = (await (await fetch(next, { headers: { authorization: `Bearer ${token}` } })).json()) as PagingSavedTrackObject;
      items.push(...page.items);
      next = page.next;
    }
    expect(items).toEqual(JSON.parse(JSON.stringify(standIn.library.saved())));
  });

  it('answers an empty page past the end', async () => {
    const page = (await callApi(standIn, 'GET', '/me/tracks?offset=5000&limit=50', token)).json as PagingSavedTrackObject;
    expect(page).toMatchObject({ items: [], next: null, total: SIZE, previous: `${standIn.apiBase}/me/tracks?offset=4950&limit=50` });
    expectSchema('PagingSavedTrackObject', page);
  });

  it.each(['0', '51', '-1', 'abc', '', '2.5'])('rejects limit=%s with 400', async (limit) => {
    const response = await callApi(standIn, 'GET', `/me/tracks?limit=${limit}`, token);
    expect(response.status).toBe(400);
    expectErrorResponse('BadRequest', response.json, 400);
  });

  it.each(['1', '50'])('accepts limit=%s', async (limit) => {
    const page = (await callApi(standIn, 'GET', `/me/tracks?limit=${limit}`, token)).json as PagingSavedTrackObject;
    expect(page.items).toHaveLength(Number(limit));
  });

  it('rejects a negative offset', async () => {
    expect((await callApi(standIn, 'GET', '/me/tracks?offset=-1', token)).status).toBe(400);
  });

  it('serves local files as Spotify does: nulls the schema does not allow, and nothing else wrong', async () => {
    const position = standIn.library.saved().findIndex((item) => item.track.is_local);
    const page = (await callApi(standIn, 'GET', `/me/tracks?limit=1&offset=${position}`, token)).json as PagingSavedTrackObject;
    const local = page.items[0] as SavedTrackObject;
    expect(local.track).toMatchObject({ is_local: true, id: null, href: null, external_ids: {} });
    expect(local.track.uri).toMatch(/^spotify:local:/);
    // The documented exception: these paths, and only these, break the (exact) schema.
    const result = schemas.check('SavedTrackObject', local);
    const brokenPaths = new Set(
      result.errors.map(
        (error) => error.instancePath + (error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : ''),
      ),
    );
    expect([...brokenPaths].sort()).toEqual(
      [
        '/track/album/album_type',
        '/track/album/href',
        '/track/album/id',
        '/track/album/release_date',
        '/track/album/release_date_precision',
        '/track/album/total_tracks',
        '/track/album/uri',
        '/track/album/external_urls/spotify',
        '/track/artists/0/external_urls/spotify',
        '/track/artists/0/href',
        '/track/artists/0/id',
        '/track/artists/0/uri',
        '/track/external_ids/isrc',
        '/track/external_urls/spotify',
        '/track/href',
        '/track/id',
        '/track/is_playable',
      ].sort(),
    );
  });

  it('is realistic in size: a page of 50 weighs well over 100 KB, like Spotify’s', async () => {
    const response = await callApi(standIn, 'GET', '/me/tracks?limit=50', token);
    expect(response.text.length).toBeGreaterThan(100_000);
  });
});

describe('GET /v1/tracks/{id}', () => {
  it('finds saved tracks and unsaved catalog tracks, as exact TrackObjects', async () => {
    const savedId = standIn.library.savedIds()[3]!;
    const unsavedId = standIn.library.unsavedIds()[0]!;
    for (const id of [savedId, unsavedId]) {
      const response = await callApi(standIn, 'GET', `/tracks/${id}`, token);
      expect(response.status).toBe(200);
      expectSchema('TrackObject', response.json);
      expect((response.json as TrackObject).id).toBe(id);
    }
  });

  it('serves unplayable tracks with restrictions', async () => {
    const unplayable = standIn.library.saved().find((item) => !item.track.is_local && !item.track.is_playable)!.track as TrackObject;
    const response = await callApi(standIn, 'GET', `/tracks/${unplayable.id}`, token);
    expectSchema('TrackObject', response.json);
    expect(response.json).toMatchObject({ is_playable: false, restrictions: { reason: 'market' } });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const malformed = await callApi(standIn, 'GET', '/tracks/not-an-id', token);
    expect(malformed.status).toBe(400);
    expectErrorResponse('BadRequest', malformed.json, 400);
    const unknown = await callApi(standIn, 'GET', '/tracks/0000000000000000000000', token);
    expect(unknown.status).toBe(404);
    expectErrorResponse('NotFound', unknown.json, 404);
  });
});

describe('GET /v1/me/library/contains', () => {
  it('answers one boolean per URI, in order', async () => {
    const [saved1, saved2] = standIn.library.savedIds();
    const unsaved = standIn.library.unsavedIds()[0];
    const uris = [saved1, unsaved, saved2].map((id) => `spotify:track:${id}`).join(',');
    const response = await callApi(standIn, 'GET', `/me/library/contains?uris=${encodeURIComponent(uris)}`, token);
    expect(response.status).toBe(200);
    expect(response.json).toEqual([true, false, true]);
    const result = schemas.checkResponse('ArrayOfBooleans', response.json);
    expect(result.valid, result.text).toBe(true);
  });

  it.each([
    ['no uris', ''],
    ['41 uris', `?uris=${Array.from({ length: 41 }, () => 'spotify:track:0000000000000000000000').join(',')}`],
    ['a bad id', '?uris=spotify:track:short'],
    ['a local file', '?uris=spotify:local:A:B:C:100'],
    ['an empty item', '?uris=spotify:track:0000000000000000000000,'],
  ])('rejects %s with 400', async (_, query) => {
    const response = await callApi(standIn, 'GET', `/me/library/contains${query}`, token);
    expect(response.status).toBe(400);
    // The description gives these 400s a bare ErrorObject; Spotify wraps it in `error` as everywhere else.
    expectErrorResponse('BadRequest', response.json, 400);
  });

  it('accepts exactly 40', async () => {
    const uris = standIn.library
      .savedIds()
      .slice(0, 40)
      .map((id) => `spotify:track:${id}`)
      .join(',');
    const response = await callApi(standIn, 'GET', `/me/library/contains?uris=${uris}`, token);
    expect(response.json).toEqual(Array(40).fill(true));
  });
});

describe('authentication and scopes', () => {
  it.each([
    ['no token', undefined, 'No token provided'],
    ['an unknown token', 'nope', 'Invalid access token'],
  ])('answers 401 to %s', async (_, accessToken, message) => {
    const response = await callApi(standIn, 'GET', '/me/tracks', accessToken);
    expect(response.status).toBe(401);
    expectErrorResponse('Unauthorized', response.json, 401);
    expect(response.json).toEqual({ error: { status: 401, message } });
  });

  it('answers 401 "The access token expired" once the lifetime has passed', async () => {
    const short = standIn.auth.issueTokens().access_token;
    standIn.clock.advance(3601 * 1000);
    try {
      const response = await callApi(standIn, 'GET', '/me', short);
      expect(response.json).toEqual({ error: { status: 401, message: 'The access token expired' } });
    } finally {
      standIn.clock.set(undefined);
    }
  });

  it('answers 403 when the token lacks the scope', async () => {
    const readOnly = standIn.auth.issueTokens({ scope: 'user-library-read' }).access_token;
    const id = standIn.library.savedIds()[0];
    expect((await callApi(standIn, 'GET', '/me/tracks', readOnly)).status).toBe(200);
    const response = await callApi(standIn, 'DELETE', `/me/library?uris=spotify:track:${id}`, readOnly);
    expect(response.status).toBe(403);
    expectErrorResponse('Forbidden', response.json, 403);
    const none = standIn.auth.issueTokens({ scope: '' }).access_token;
    expect((await callApi(standIn, 'GET', '/me/tracks', none)).status).toBe(403);
    expect((await callApi(standIn, 'GET', '/me', none)).status).toBe(200);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and Spotify’s body', async () => {
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 3 });
    const response = await callApi(standIn, 'GET', '/me/tracks', token);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expectErrorResponse('TooManyRequests', response.json, 429);
    expect(response.json).toEqual({ error: { status: 429, message: 'API rate limit exceeded' } });
  });

  it('can say QUOTA_EXCEEDED in `error.reason`', async () => {
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 86_400, reason: 'QUOTA_EXCEEDED' });
    const response = await callApi(standIn, 'GET', '/me/tracks', token);
    expect(response.json).toEqual({ error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } });
    // `reason` is real (Spotify sends it, as with PREMIUM_REQUIRED) but not in ErrorObject: only the published schema passes.
    expect(schemas.checkResponse('TooManyRequests', response.json, 'spec').valid).toBe(true);
  });
});

describe('endpoints Tracklight must not use', () => {
  it.each([
    ['PUT', '/me/tracks?ids=0000000000000000000000'],
    ['DELETE', '/me/tracks?ids=0000000000000000000000'],
    ['GET', '/me/tracks/contains?ids=0000000000000000000000'],
    ['GET', '/tracks?ids=0000000000000000000000'],
    ['GET', '/me/albums'],
    ['POST', '/me/library?uris=spotify:track:0000000000000000000000'],
  ])('%s %s answers 404 and is logged', async (method, path) => {
    const response = await callApi(standIn, method, path, token);
    expect(response.status).toBe(404);
    expectErrorResponse('NotFound', response.json, 404);
    const logged = standIn.requests.at(-1)!;
    expect(`${logged.method} ${logged.path}`).toBe(`${method} /v1${path.split('?')[0]}`);
  });
});

describe('the exact schemas', () => {
  it('catch drift: an undeclared field, a missing field, a wrong type', () => {
    const track = JSON.parse(JSON.stringify(standIn.library.saved().find((item) => !item.track.is_local)!.track)) as Record<string, unknown>;
    expect(schemas.check('TrackObject', track).valid).toBe(true);
    expect(schemas.check('TrackObject', { ...track, invented: 1 }).valid).toBe(false);
    const { name: _name, ...nameless } = track;
    expect(schemas.check('TrackObject', nameless).valid).toBe(false);
    expect(schemas.check('TrackObject', { ...track, duration_ms: '3:45' }).valid).toBe(false);
    expect(schemas.check('TrackObject', { ...track, album: { ...(track.album as object), images: [{ url: 'x' }] } }).valid).toBe(false);
  });
});
