/**
 * A signed-in session against the stand-in, in Node: the real PKCE sign-in (`createAuth`, with
 * `/authorize` followed by hand instead of the browser's identity API), the real token refresh,
 * and the real API client. What the background will run, minus the browser.
 */
import { openLibraryDb, type LibraryDb } from '../../../lib/library/store';
import { createSpotifyApi, type SpotifyApi, type SpotifyApiOptions } from '../../../lib/spotify/api-client';
import { createAuth, type Auth } from '../../../lib/spotify/auth';
import { freshPacerRecord, Pacer } from '../../../lib/spotify/pacer';
import { toStoredTrack } from '../../../lib/spotify/saved-tracks';
import type { SpotifySession } from '../../../lib/spotify/session-store';
import { createHttp2Fetch } from '../../stand-in/http2-fetch';
import { startStandIn, type StandIn, type StandInOptions } from '../../stand-in/server';

const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export interface StandInSession {
  standIn: StandIn;
  auth: Auth;
  api: SpotifyApi;
  /** The pacer of `api` (its Client ID's): its gate, what it learned. */
  pacer: Pacer;
  db: LibraryDb;
  accountKey: string;
  /** Another API client on the same sign-in with a pacer of its own (a fresh one unless given). */
  newApi(pacer?: Pacer): SpotifyApi;
  /** `GET /v1/me/tracks` requests since the last `resetCounts()` (sign-in excluded). */
  tracksRequests(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

let databases = 0;

export async function startSession(options: StandInOptions & { api?: Partial<Omit<SpotifyApiOptions, 'apiBase' | 'tokens'>> } = {}): Promise<StandInSession> {
  const standIn = await startStandIn({ latencyMs: 0, ...options });
  // Over TLS the stand-in speaks HTTP/2, as to Chromium; Node's fetch would not trust it.
  const http2Fetch = options.tls ? createHttp2Fetch() : undefined;
  const fetch = http2Fetch ?? globalThis.fetch.bind(globalThis);
  const { auth, accountKey: signedInAs } = await signInToStandIn(standIn, fetch);
  const newApi = (pacer = new Pacer(freshPacerRecord())) =>
    createSpotifyApi({ apiBase: standIn.apiBase, tokens: auth.tokens, pacer: async () => pacer, fetch, ...options.api });
  const pacer = new Pacer(freshPacerRecord());
  const api = newApi(pacer);
  // One database per test: fake-indexeddb lives as long as the test file's worker.
  const accountKey = `${signedInAs}-${++databases}-${Date.now()}`;
  const db = await openLibraryDb(accountKey);
  let countFrom = standIn.requests.length;
  const session: StandInSession = {
    standIn,
    auth,
    api,
    pacer,
    db,
    accountKey,
    newApi,
    tracksRequests: () => standIn.requests.slice(countFrom).filter((request) => request.path === '/v1/me/tracks').length,
    resetCounts: () => {
      countFrom = standIn.requests.length;
    },
    async close() {
      session.db.close();
      http2Fetch?.close();
      await standIn.close();
    },
  };
  return session;
}

/** Where a stand-in listens (it may run in another thread or process). */
export interface StandInEndpoints {
  accountsBase: string;
  apiBase: string;
  clientId: string;
}

/** Signs in to a stand-in through `/authorize` and `/api/token`, as the extension does. */
export async function signInToStandIn(
  endpoints: StandInEndpoints,
  fetch: typeof globalThis.fetch = globalThis.fetch.bind(globalThis),
): Promise<{ auth: Auth; accountKey: string }> {
  let saved: SpotifySession | null = null;
  const auth: Auth = createAuth({
    accountsBase: endpoints.accountsBase,
    scopes: ['user-library-read', 'user-library-modify'],
    fetch,
    readProfile: (session) => profileReader.get('/me', undefined, { session }),
    identity: {
      getRedirectURL: () => REDIRECT_URI,
      async launchWebAuthFlow({ url }) {
        const response = await fetch(url, { redirect: 'manual' });
        return response.headers.get('location') ?? undefined;
      },
    },
    store: {
      load: async () => saved,
      save: async (session) => {
        saved = session;
      },
      clear: async () => {
        saved = null;
      },
    },
  });
  const profileReader = createSpotifyApi({ apiBase: endpoints.apiBase, tokens: auth.tokens, fetch });
  const account = await auth.signIn(endpoints.clientId);
  return { auth, accountKey: account.key };
}

/** The server's saved tracks as the cache must hold them: usable tracks, in order. */
export function serverTracks(standIn: StandIn): string[] {
  // What the pages return: unavailable items (counted in `total`, never sent) are not the cache's to have.
  return standIn.library.page(0, standIn.library.total).flatMap((item) => {
    const track = toStoredTrack(item);
    return track ? [`${track.uri}@${track.addedAt}`] : [];
  });
}

/** SPEC §8 budgets. */
export const budgets = {
  fullSync: (n: number) => Math.ceil(n / 50) + 2,
  added: (k: number) => Math.ceil(k / 50) + 1,
  removed: (r: number, n: number) => r * Math.ceil(Math.log2(n / 50)) + 3,
};
