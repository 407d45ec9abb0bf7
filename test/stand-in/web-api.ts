/**
 * The Web API endpoints Tracklight may use (SPEC §3), answered from one account's library.
 *
 * Deliberately absent, so they answer 404 like an unknown endpoint and show up in the request
 * log: the deprecated `PUT`/`DELETE /me/tracks`, `GET /me/tracks/contains`, `GET /tracks?ids=`.
 * Messages follow what api.spotify.com sends.
 */
import { pageJson } from './page-json';
import { apiErrorReply, emptyReply, jsonReply, jsonTextReply, type Reply } from './reply';
import type { SavedLibrary } from './saved-library';
import type { PagingSavedTrackObject, PrivateUserObject } from './spotify-types';

export interface UserProfile {
  id: string;
  display_name: string;
  /** `null`: the profile comes without `account_id` (clients then key accounts by `id`). */
  account_id: string | null;
}

export interface ApiContext {
  apiBase: string;
  user: UserProfile;
  library: SavedLibrary;
}

export type LibraryScope = 'user-library-read' | 'user-library-modify';

export interface ApiRoute {
  /** The scope the access token needs; none for profile and catalog reads. */
  scope?: LibraryScope;
  answer(request: { query: Record<string, string>; pathParams: string[] }, context: ApiContext): Reply;
}

const TRACK_ID = /^[A-Za-z0-9]{22}$/;
const TRACK_URI = /^spotify:track:([A-Za-z0-9]{22})$/;
const MAX_URIS = 40;

const ROUTES: ReadonlyArray<{ method: string; path: RegExp; route: ApiRoute }> = [
  { method: 'GET', path: /^\/v1\/me$/, route: { answer: (_, context) => jsonReply(200, profile(context)) } },
  { method: 'GET', path: /^\/v1\/me\/tracks$/, route: { scope: 'user-library-read', answer: ({ query }, context) => savedTracksPage(query, context) } },
  { method: 'GET', path: /^\/v1\/tracks\/([^/]*)$/, route: { answer: ({ pathParams }, context) => track(pathParams[0]!, context) } },
  {
    method: 'GET',
    path: /^\/v1\/me\/library\/contains$/,
    route: {
      scope: 'user-library-read',
      answer: ({ query }, { library }) =>
        withTrackIds(query, (ids) =>
          jsonReply(
            200,
            ids.map((id) => library.isSaved(id)),
          ),
        ),
    },
  },
  {
    method: 'PUT',
    path: /^\/v1\/me\/library$/,
    route: {
      scope: 'user-library-modify',
      answer: ({ query }, { library }) =>
        withTrackIds(query, (ids) => {
          library.save(ids);
          return emptyReply(200);
        }),
    },
  },
  {
    method: 'DELETE',
    path: /^\/v1\/me\/library$/,
    route: {
      scope: 'user-library-modify',
      answer: ({ query }, { library }) =>
        withTrackIds(query, (ids) => {
          library.removeIds(ids);
          return emptyReply(200);
        }),
    },
  },
];

export function findApiRoute(method: string, path: string): { route: ApiRoute; pathParams: string[] } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const match = candidate.path.exec(path);
    if (match) return { route: candidate.route, pathParams: match.slice(1) };
  }
  return undefined;
}

function profile({ apiBase, user }: ApiContext): PrivateUserObject | Omit<PrivateUserObject, 'account_id'> {
  const object = {
    display_name: user.display_name,
    external_urls: { spotify: `https://open.spotify.com/user/${encodeURIComponent(user.id)}` },
    href: `${apiBase}/users/${encodeURIComponent(user.id)}`,
    id: user.id,
    images: [],
    type: 'user' as const,
    uri: `spotify:user:${user.id}`,
  };
  return user.account_id === null ? object : { account_id: user.account_id, ...object };
}

/** `GET /me/tracks`: a slice of the library, with Spotify's absolute `next`/`previous` links. */
function savedTracksPage(query: Record<string, string>, { apiBase, library }: ApiContext): Reply {
  const limit = integerParam(query.limit, 20);
  if (limit === undefined || limit < 1 || limit > 50) return apiErrorReply(400, 'Invalid limit');
  const offset = integerParam(query.offset, 0);
  if (offset === undefined || offset < 0) return apiErrorReply(400, 'Invalid offset');
  const total = library.total;
  const pageUrl = (pageOffset: number): string => `${apiBase}/me/tracks?offset=${pageOffset}&limit=${limit}`;
  const page: PagingSavedTrackObject = {
    href: pageUrl(offset),
    items: library.page(offset, limit),
    limit,
    next: offset + limit < total ? pageUrl(offset + limit) : null,
    offset,
    previous: offset > 0 ? pageUrl(Math.max(0, offset - limit)) : null,
    total,
  };
  return jsonTextReply(200, pageJson(page));
}

function track(id: string, { library }: ApiContext): Reply {
  if (!TRACK_ID.test(id)) return apiErrorReply(400, 'Invalid base62 id');
  const found = library.track(id);
  return found ? jsonReply(200, found) : apiErrorReply(404, 'Resource not found');
}

/**
 * Parses `uris=spotify:track:ID,...` (1 to 40). Only track URIs: Tracklight sends nothing else,
 * and a `spotify:local:` URI reaching the API would be a bug worth a 400.
 */
function withTrackIds(query: Record<string, string>, answer: (ids: string[]) => Reply): Reply {
  const raw = query.uris;
  if (raw === undefined || raw === '') return apiErrorReply(400, 'Missing required parameter: uris');
  const uris = raw.split(',');
  if (uris.length > MAX_URIS) return apiErrorReply(400, `Too many URIs requested: at most ${MAX_URIS}`);
  const ids: string[] = [];
  for (const uri of uris) {
    const id = TRACK_URI.exec(uri)?.[1];
    if (id === undefined) return apiErrorReply(400, `Invalid URI: ${uri}`);
    ids.push(id);
  }
  return answer(ids);
}

/** A decimal integer parameter; `undefined` when present but malformed. */
function integerParam(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : undefined;
}
