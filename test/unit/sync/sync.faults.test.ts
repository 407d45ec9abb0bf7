import { afterEach, describe, expect, it } from 'vitest';
import { readFullSyncCheckpoint } from '../../../lib/sync/full-sync';
import { findSavedTrack, readAllTracks, readLibrarySummary } from '../../../lib/library/store';
import { syncSavedTracks } from '../../../lib/sync/sync';
import { RateLimitedError, ServerError, SessionEndedError, UnexpectedResponseError } from '../../../lib/spotify/errors';
import { MalformedPageError, toStoredTrack } from '../../../lib/spotify/saved-tracks';
import { expectCacheEqualsServer } from '../library/cache-assertions';
import { budgets, startSession, type StandInSession } from '../library/stand-in-session';

let session: StandInSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SIZE = 1000;
const tracksAt = (offset: number) => ({
  path: '/v1/me/tracks',
  query: (query: Record<string, string>) => query.offset === String(offset),
});

/** Backoff without waiting: `random` 0 gives full-jitter delays of 0 ms. */
async function fastRetrySession(size = SIZE) {
  session = await startSession({ library: { size, seed: 21 }, api: { random: () => 0 } });
  return session;
}

describe('sync under faults', () => {
  it('waits out a 429 Retry-After without starting a request inside the window', async () => {
    // Seen from the client: the stand-in shares this event loop, so its own clock lags.
    const sent: number[] = [];
    let limitedAt = 0;
    const watchingFetch: typeof fetch = async (input, init) => {
      sent.push(Date.now());
      const response = await fetch(input, init);
      if (response.status === 429 && !limitedAt) limitedAt = Date.now();
      return response;
    };
    session = await startSession({ library: { size: SIZE, seed: 21 }, api: { random: () => 0, fetch: watchingFetch } });
    const { db, api, standIn } = session;
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 1, match: tracksAt(500) });
    await syncSavedTracks({ db, api });

    await expectCacheEqualsServer(db, standIn);
    expect(limitedAt).toBeGreaterThan(0);
    expect(sent.filter((at) => at > limitedAt && at < limitedAt + 990)).toEqual([]);
    expect(sent.some((at) => at >= limitedAt + 990)).toBe(true);
  });

  it('pauses on a Retry-After over 20 s with the resume time, and resumes from its checkpoint', async () => {
    const { db, api, standIn } = await fastRetrySession();
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 3600, match: tracksAt(500) });
    const before = Date.now();
    const error = await syncSavedTracks({ db, api }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).quotaExceeded).toBe(false);
    expect((error as RateLimitedError).resumeAt).toBeGreaterThanOrEqual(before + 3_600_000);

    const staged = (await readFullSyncCheckpoint(db))!.pageTotals.filter((total) => total !== null).length;
    expect(staged).toBeGreaterThan(1);
    // The alarm fires after the window, in a service worker started afresh.
    await syncSavedTracks({ db, api: session!.newApi() });
    await expectCacheEqualsServer(db, standIn);
    expect(session!.tracksRequests()).toBeLessThanOrEqual(budgets.fullSync(SIZE) + 1);
  });

  it('reports QUOTA_EXCEEDED as such', async () => {
    const { db, api, standIn } = await fastRetrySession();
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: 30, reason: 'QUOTA_EXCEEDED', match: tracksAt(0) });
    const error = await syncSavedTracks({ db, api }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).quotaExceeded).toBe(true);
  });

  it('rides out bursts of 5xx and dropped connections', async () => {
    const { db, api, standIn } = await fastRetrySession();
    standIn.faults.push(
      { kind: 'status', status: 503, times: 3, match: tracksAt(300) },
      { kind: 'status', status: 502, times: 2, match: tracksAt(850) },
      { kind: 'drop', times: 2, match: tracksAt(700) },
    );
    await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
  });

  it('stops with ServerError after bounded retries, keeps what it staged, and finishes later', async () => {
    const { db, api, standIn } = await fastRetrySession();
    standIn.faults.push({ kind: 'status', status: 500, times: Infinity, match: tracksAt(600) });
    await expect(syncSavedTracks({ db, api })).rejects.toBeInstanceOf(ServerError);
    standIn.faults.clear();
    await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
  });

  it('refreshes an access token that expires mid-sync, once, and carries on', async () => {
    const { db, api, standIn } = await fastRetrySession();
    const refreshesBefore = standIn.auth.refreshCount;
    standIn.afterRequests(10, (s) => s.auth.expireAccessTokens(), '/v1/me/tracks');
    await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
    expect(standIn.auth.refreshCount - refreshesBefore).toBe(1);
  });

  it('stops with SessionEndedError when the refresh token is revoked, the library intact', async () => {
    const { db, api, standIn } = await fastRetrySession();
    await syncSavedTracks({ db, api });
    const before = await readAllTracks(db);
    standIn.library.removeAt([5]);
    standIn.auth.expireAccessTokens();
    standIn.auth.revokeRefreshTokens();
    await expect(syncSavedTracks({ db, api })).rejects.toBeInstanceOf(SessionEndedError);
    expect(await readAllTracks(db)).toEqual(before);
  });

  it.each([
    ['invalid JSON', { kind: 'malformed' as const }, UnexpectedResponseError],
    ['a page of the wrong shape', { kind: 'body' as const, body: { items: 'none', total: '12' } }, MalformedPageError],
  ])('rejects %s with a clear error and writes nothing from it', async (_name, fault, errorType) => {
    const { db, api, standIn } = await fastRetrySession();
    await syncSavedTracks({ db, api });
    const before = await readLibrarySummary(db);
    standIn.library.add(5);
    standIn.faults.push({ ...fault, match: tracksAt(0) });
    await expect(syncSavedTracks({ db, api })).rejects.toBeInstanceOf(errorType);
    expect(await readLibrarySummary(db)).toEqual(before);
    await syncSavedTracks({ db, api });
    await expectCacheEqualsServer(db, standIn);
  });

  it('skips and counts `track: null` and unusable items, keeping positions for later syncs', async () => {
    const { db, api, standIn } = await fastRetrySession();
    const ghost = (addedAt: string) => ({ added_at: addedAt, track: null });
    const saved = standIn.library.saved();
    for (const position of [900, 777, 0]) standIn.library.insertRaw(ghost(saved[position]!.added_at), position);
    standIn.library.insertRaw({ added_at: saved[500]!.added_at, track: { name: 'no uri, no id' } }, 500);

    const first = await syncSavedTracks({ db, api });
    expect(first.skipped).toBe(4);
    await expectCacheEqualsServer(db, standIn);

    // One track right after a skipped item, one further down.
    const items = standIn.library.saved();
    const afterGhost = items.findIndex((item, index) => index > 0 && items[index - 1]!.track === null && toStoredTrack(item));
    standIn.library.removeAt([afterGhost, 950]);
    standIn.library.add(2);
    session!.resetCounts();
    const second = await syncSavedTracks({ db, api });
    expect(second).toMatchObject({ kind: 'incremental', added: 2, removed: 2, skipped: 4 });
    await expectCacheEqualsServer(db, standIn);
    expect(session!.tracksRequests()).toBeLessThanOrEqual(budgets.added(2) + budgets.removed(2, SIZE));
  });

  it('keeps a track missing optional fields, with placeholders', async () => {
    const { db, api, standIn } = await fastRetrySession(60);
    const id = '4uLU6hMCjMI75M1A2tKUQC';
    const track = { id, uri: `spotify:track:${id}`, artists: [{ name: 7 }] };
    standIn.library.insertRaw({ added_at: '2030-01-01T00:00:00Z', track }, 0);
    await syncSavedTracks({ db, api });
    expect(await findSavedTrack(db, id)).toEqual({
      id,
      uri: `spotify:track:${id}`,
      name: '',
      artists: [{ id: null, name: '' }],
      album: { id: null, name: '', image: null, releaseDate: null },
      durationMs: 0,
      explicit: false,
      isrc: null,
      addedAt: '2030-01-01T00:00:00Z',
      isLocal: false,
      isPlayable: null,
    });
  });

  it('keeps local files, keyed by their URI', async () => {
    const { db, api, standIn } = await fastRetrySession();
    await syncSavedTracks({ db, api });
    const local = (await readAllTracks(db)).filter((track) => track.isLocal);
    expect(local.length).toBeGreaterThan(0);
    for (const track of local) {
      expect(track.id).toBeNull();
      expect(track.uri).toMatch(/^spotify:local:/);
      expect(await findSavedTrack(db, track.uri)).toEqual(track);
    }
    await expectCacheEqualsServer(db, standIn);
  });
});
