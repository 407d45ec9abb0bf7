/**
 * SPEC §9, bad input from Spotify's side: every answer is validated where it enters
 * (lib/spotify/saved-tracks-schema.ts, valibot). A page whose envelope is wrong is refused whole
 * with a clear error and nothing from it is written; an item that cannot be kept is skipped and
 * counted; a track missing optional fields is kept with placeholders; nothing unknown travels
 * on. Run over HTTP against the stand-in, through the real API client and sync engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findSavedTrack, readAllTracks, readLibrarySummary } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { UnexpectedResponseError } from '../../../lib/spotify/errors';
import { MalformedPageError } from '../../../lib/spotify/saved-tracks';
import type { TrackObject } from '../../stand-in/spotify-types';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SIZE = 120;
/** Where the hostile item goes: inside the first page, between two ordinary saves. */
const POSITION = 7;

async function syncedSession(): Promise<StandInSession> {
  session = await startSession({ library: { size: SIZE, seed: 81 }, api: { random: () => 0 } });
  await syncSavedTracks({ db: session.db, api: session.api });
  return session;
}

/** A real catalog track (not saved), as plain JSON, with `changes` applied. */
function catalogTrack(s: StandInSession, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const track = s.standIn.library.track(s.standIn.library.unsavedIds()[0]!) as TrackObject;
  return { ...(JSON.parse(JSON.stringify(track)) as Record<string, unknown>), ...changes };
}

describe('a page whose envelope is wrong', () => {
  it.each<[string, unknown]>([
    ['`total` as a string', { total: '120', items: [] }],
    ['`total` not a whole number', { total: 120.5, items: [] }],
    ['`total` negative', { total: -1, items: [] }],
    ['`items` null', { total: SIZE, items: null }],
    ['`items` an object', { total: SIZE, items: { 0: {} } }],
    ['no fields at all', {}],
    ['an array instead of a page', []],
    ['JSON null', null],
    ['a 1 MB string instead of a page', 'x'.repeat(1_000_000)],
    ['10,000 items for a limit of 50', { total: 20_000, items: Array.from({ length: 10_000 }, () => ({ added_at: '2026-01-01T00:00:00Z', track: null })) }],
  ])('%s: refused with a clear error, the cache untouched', async (_name, body) => {
    const s = await syncedSession();
    const before = await readAllTracks(s.db);
    const summary = await readLibrarySummary(s.db);
    s.standIn.library.add(2);
    // A string goes out as an HTML body: not JSON at all.
    s.standIn.faults.push({ kind: 'body', body: typeof body === 'string' ? JSON.stringify(body) : body, match: { path: '/v1/me/tracks' } });

    const error = await syncSavedTracks({ db: s.db, api: s.api }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(/malformed page|not JSON/);
    expect(await readAllTracks(s.db)).toEqual(before);
    expect(await readLibrarySummary(s.db)).toEqual(summary);
  });

  it('takes a page with none of the items its total counts as short, not as a reason to lose anything', async () => {
    const s = await syncedSession();
    s.standIn.library.add(2);
    // Spotify's short pages are real (SPEC §3); a lying one must not corrupt the cache either.
    s.standIn.faults.push({ kind: 'body', body: { total: SIZE + 5, items: [] }, match: { path: '/v1/me/tracks' } });
    await syncSavedTracks({ db: s.db, api: s.api });
    await expectCacheEqualsServer(s.db, s.standIn);
  });

  it.each([
    ['the first sync', false],
    ['an incremental sync', true],
  ])(
    'refuses a page claiming a billion saved tracks in %s, instead of paging through them',
    async (_name, synced) => {
      session = await startSession({ library: { size: SIZE, seed: 83 }, api: { random: () => 0 } });
      const s = session;
      if (synced) await syncSavedTracks({ db: s.db, api: s.api });
      const before = await readAllTracks(s.db);
      s.resetCounts();
      // A well-formed first page but for its total: 20 million pages to read.
      s.standIn.faults.push({
        kind: 'body',
        body: { total: 1_000_000_000, items: s.standIn.library.page(0, 50) },
        match: { path: '/v1/me/tracks', query: (q) => q.offset === '0' },
      });
      await expect(syncSavedTracks({ db: s.db, api: s.api })).rejects.toBeInstanceOf(MalformedPageError);
      expect(s.tracksRequests()).toBe(1);
      expect(await readAllTracks(s.db)).toEqual(before);
    },
    10_000,
  );

  it('refuses a page in the middle of the first sync without writing any of it', async () => {
    session = await startSession({ library: { size: 1500, seed: 82 }, api: { random: () => 0 } });
    const s = session;
    s.standIn.faults.push({ kind: 'body', body: { total: 1500, items: 'lots' }, match: { path: '/v1/me/tracks', query: (q) => q.offset === '600' } });
    await expect(syncSavedTracks({ db: s.db, api: s.api })).rejects.toBeInstanceOf(MalformedPageError);
    // The staged pages around it may be in; the bad one is not, so the next sync asks for it again.
    const resumedFrom = s.standIn.requests.length;
    await syncSavedTracks({ db: s.db, api: s.api });
    expect(s.standIn.requests.slice(resumedFrom).some((request) => request.query.offset === '600')).toBe(true);
    expect((await readAllTracks(s.db)).length).toBe(1500);
  });
});

describe('an item that cannot be kept is skipped and counted, the rest of the page kept', () => {
  it.each<[string, (s: StandInSession) => unknown]>([
    ['`track: null`', () => ({ added_at: '2026-01-01T00:00:00Z', track: null })],
    ['no `track` at all', () => ({ added_at: '2026-01-01T00:00:00Z' })],
    ['`track` a string', () => ({ added_at: '2026-01-01T00:00:00Z', track: '<script>alert(1)</script>' })],
    ['`track` an array', () => ({ added_at: '2026-01-01T00:00:00Z', track: [1, 2, 3] })],
    ['an item that is a number', () => 42],
    ['an item that is null', () => null],
    ['null id and null URI', (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { id: null, uri: null }) })],
    ['an id of the wrong type and no URI', (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { id: 12345, uri: null }) })],
    ['an id that is not a Spotify id', (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { id: '../../me/library', uri: null }) })],
    ['a URI that is not a Spotify URI', (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { uri: 'javascript:alert(1)' }) })],
    [
      'a URI naming another track than its id',
      (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC' }) }),
    ],
    [
      'a local file whose URI is not a local URI',
      (s) => ({ added_at: '2026-01-01T00:00:00Z', track: catalogTrack(s, { id: null, is_local: true, uri: 'https://evil.example/x' }) }),
    ],
  ])('%s', async (_name, hostile) => {
    const s = await syncedSession();
    const saved = s.standIn.library.saved();
    const item = hostile(s) as { added_at?: string } | null;
    // Keep the list ordered by added_at, as Spotify's is.
    if (item && typeof item === 'object' && 'added_at' in item) item.added_at = saved[POSITION]!.added_at;
    s.standIn.library.insertRaw(item, POSITION);

    const result = await syncSavedTracks({ db: s.db, api: s.api });
    expect(result.skipped).toBe(1);
    expect(result.total).toBe(SIZE);
    const cached = await readAllTracks(s.db);
    expect(cached.map((track) => track.uri)).toEqual(saved.map((entry) => entry.track!.uri));
  });
});

describe('what is kept is kept whole, as data', () => {
  it.each<[string, Record<string, unknown>, (track: StoredTrack) => void]>([
    ['a 100,000-character title', { name: 'A'.repeat(100_000) }, (track) => expect(track.name).toHaveLength(100_000)],
    [
      'markup, scripts, RTL overrides and control characters in every name',
      {
        name: '<img src=x onerror="window.__pwned=1">\u202Egnp.exe\u0000\u0007',
        artists: [{ id: null, name: '<script>alert(1)</script>\r\n' }],
        album: { id: null, name: '"><svg onload=alert(1)>', images: [], release_date: null },
      },
      (track) => {
        expect(track.name).toBe('<img src=x onerror="window.__pwned=1">\u202Egnp.exe\u0000\u0007');
        expect(track.artists).toEqual([{ id: null, name: '<script>alert(1)</script>\r\n' }]);
        expect(track.album.name).toBe('"><svg onload=alert(1)>');
      },
    ],
    [
      'optional fields of the wrong type, with placeholders',
      { name: { text: 'x' }, duration_ms: 'long', explicit: 'yes', external_ids: 7, album: 'none', artists: [null, 3] },
      (track) => {
        expect(track).toMatchObject({ name: '', durationMs: 0, explicit: false, isrc: null, artists: [] });
        expect(track.album).toEqual({ id: null, name: '', image: null, releaseDate: null });
      },
    ],
    [
      'unknown extra fields, bulky ones included',
      {
        available_markets: Array.from({ length: 185 }, (_, index) => `M${index}`),
        popularity: 99,
        preview_url: 'https://p.scdn.co/x',
        linked_from: { id: 'x' },
      },
      (track) =>
        expect(Object.keys(track).sort()).toEqual(
          ['addedAt', 'album', 'artists', 'durationMs', 'explicit', 'id', 'isLocal', 'isPlayable', 'isrc', 'name', 'uri'].sort(),
        ),
    ],
  ])('%s', async (_name, changes, check) => {
    const s = await syncedSession();
    const track = catalogTrack(s, changes);
    s.standIn.library.insertRaw({ added_at: s.standIn.library.saved()[POSITION]!.added_at, track }, POSITION);
    const result = await syncSavedTracks({ db: s.db, api: s.api });
    expect(result.skipped).toBe(0);
    const stored = await findSavedTrack(s.db, track.id as string);
    expect(stored).not.toBeNull();
    check(stored!);
  });

  it('lets no `__proto__` or `constructor` key from a response reach a prototype', async () => {
    const s = await syncedSession();
    const track = catalogTrack(s);
    // JSON.parse makes `__proto__` an own key, as it arrives from the network.
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "added_at": ${JSON.stringify(s.standIn.library.saved()[POSITION]!.added_at)}, "track": ${JSON.stringify({ ...track, album: JSON.parse(`{"__proto__": {"polluted": "yes"}, "name": "Album"}`) })}}`,
    ) as unknown;
    s.standIn.library.insertRaw(hostile, POSITION);
    await syncSavedTracks({ db: s.db, api: s.api });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = await findSavedTrack(s.db, track.id as string);
    expect(stored?.album.name).toBe('Album');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect((stored as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
