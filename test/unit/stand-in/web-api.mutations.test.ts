/** Changing the saved tracks: from tests (library helpers, hooks) and through the API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../stand-in/library';
import { startStandIn, type StandIn } from '../../stand-in/server';
import type { PagingSavedTrackObject, SavedTrackObject, TrackObject } from '../../stand-in/spotify-types';
import { callApi } from './http';

const NOW = Date.parse('2026-11-20T10:00:00Z');

let standIn: StandIn;
let token: string;

beforeEach(async () => {
  standIn = await startStandIn({ library: { size: 200, seed: 3 } });
  standIn.clock.set(NOW);
  token = standIn.auth.issueTokens().access_token;
});
afterEach(() => standIn.close());

async function page(offset = 0, limit = 50): Promise<PagingSavedTrackObject> {
  return (await callApi(standIn, 'GET', `/me/tracks?limit=${limit}&offset=${offset}`, token)).json as PagingSavedTrackObject;
}

const idsOf = (items: unknown[]): Array<string | null> => items.map((item) => (item as SavedTrackObject).track.id);
const uris = (ids: string[]): string => ids.map((id) => `spotify:track:${id}`).join(',');

describe('library helpers', () => {
  it('add(n) puts catalog tracks at the head with added_at = now', async () => {
    const unsaved = standIn.library.unsavedIds();
    const addedIds = standIn.library.add(3).map((item) => item.track.id!);
    expect(addedIds.every((id) => unsaved.includes(id))).toBe(true);
    const first = await page();
    expect(first.total).toBe(203);
    expect(idsOf(first.items.slice(0, 3))).toEqual(addedIds);
    expect((first.items[0] as SavedTrackObject).added_at).toBe('2026-11-20T10:00:00Z');
    expect(standIn.library.isSaved(addedIds[0]!)).toBe(true);
    expect(standIn.library.unsavedIds()).not.toContain(addedIds[0]);
  });

  it('add(n) beyond the catalog generates fresh tracks the API knows', async () => {
    const added = standIn.library.add(100);
    const ids = added.map((item) => item.track.id!);
    expect(new Set(ids).size).toBe(100);
    expect(ids.filter((id) => standIn.library.savedIds().indexOf(id) >= 100)).toEqual([]);
    const last = ids.at(-1)!;
    expect((await callApi(standIn, 'GET', `/tracks/${last}`, token)).status).toBe(200);
  });

  it('add(tracks) saves given tracks; never older than the current head', async () => {
    standIn.clock.set(Date.parse('2020-01-01T00:00:00Z'));
    const head = standIn.library.saved()[0]!;
    const track = standIn.library.track(standIn.library.unsavedIds()[0]!)!;
    const [added] = standIn.library.add([track]);
    expect(added!.added_at).toBe(head.added_at);
    expect(standIn.library.add([track])).toEqual([]); // already saved: left alone
  });

  it('removeAt and removeIds take tracks out of every answer', async () => {
    const before = standIn.library.savedIds();
    const items = standIn.library.saved();
    const removed = standIn.library.removeAt([121, 0, 120]);
    expect(removed).toEqual([items[0], items[120], items[121]]);
    standIn.library.removeIds([before[5]!]);
    const all = [...(await page(0)).items, ...(await page(50)).items, ...(await page(100)).items, ...(await page(150)).items];
    expect(all).toHaveLength(196);
    expect(idsOf(all)).not.toContain(before[5]);
    const contains = await callApi(standIn, 'GET', `/me/library/contains?uris=${uris([before[0]!, before[5]!, before[6]!])}`, token);
    expect(contains.json).toEqual([false, false, true]);
    expect((await callApi(standIn, 'GET', `/tracks/${before[0]}`, token)).status).toBe(200); // still exists
    expect(() => standIn.library.removeAt([500])).toThrow(RangeError);
  });

  it('insertRaw serves odd items as they are', async () => {
    const odd = [{ added_at: '2026-01-01T00:00:00Z', track: null }, { added_at: 12, track: { id: 5, name: null } }, { added_at: '2026-01-01T00:00:00Z' }];
    standIn.library.insertRaw(odd[0], 2);
    standIn.library.insertRaw(odd[1], 3);
    standIn.library.insertRaw(odd[2], 0);
    const first = await page(0, 5);
    expect(first.items[0]).toEqual(odd[2]);
    expect(first.items[3]).toEqual(odd[0]);
    expect(first.items[4]).toEqual(odd[1]);
    expect(first.total).toBe(203);
    expect(standIn.library.savedIds()).toHaveLength(200 - standIn.library.saved().filter((item) => item.track?.is_local).length);
  });

  it('points at other versions (same ISRC) and unsaved catalog tracks', async () => {
    const big = await startStandIn({ library: { size: 2000, seed: 1 } });
    try {
      const [savedId] = big.library.idsWithOtherVersion();
      const other = big.library.otherVersionOf(savedId!)!;
      expect(other.external_ids.isrc).toBe((big.library.track(savedId!) as TrackObject).external_ids.isrc);
      expect(big.library.isSaved(other.id)).toBe(false);
      expect(big.library.unsavedIds()).toContain(other.id);
    } finally {
      await big.close();
    }
  });

  it('accepts a ready list of saved items', async () => {
    const items = generateLibrary({ size: 12, seed: 9 }).slice(0, 4);
    const ready = await startStandIn({ library: items });
    try {
      const response = await callApi(ready, 'GET', '/me/tracks', ready.auth.issueTokens().access_token);
      expect(response.json).toMatchObject({ total: 4 });
      expect(ready.library.add(2)).toHaveLength(2);
    } finally {
      await ready.close();
    }
  });
});

describe('PUT and DELETE /v1/me/library', () => {
  it('saves new tracks at the head, in the given order, with added_at = now', async () => {
    const [a, b] = standIn.library.unsavedIds();
    const response = await callApi(standIn, 'PUT', `/me/library?uris=${uris([a!, b!])}`, token);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const first = await page(0, 3);
    expect(idsOf(first.items.slice(0, 2))).toEqual([a, b]);
    expect((first.items[0] as SavedTrackObject).added_at).toBe('2026-11-20T10:00:00Z');
    expect(first.total).toBe(202);
  });

  it('keeps an already saved track where it is, with its added_at', async () => {
    const saved = standIn.library.saved()[50]!;
    await callApi(standIn, 'PUT', `/me/library?uris=${uris([saved.track.id!])}`, token);
    expect(standIn.library.saved()[50]).toEqual(saved);
    expect(standIn.library.total).toBe(200);
  });

  it('ignores unknown tracks', async () => {
    const response = await callApi(standIn, 'PUT', `/me/library?uris=${uris(['0000000000000000000000'])}`, token);
    expect(response.status).toBe(200);
    expect(standIn.library.total).toBe(200);
  });

  it('removes tracks, answering 200 with an empty body', async () => {
    const ids = standIn.library.savedIds().slice(10, 12);
    const response = await callApi(standIn, 'DELETE', `/me/library?uris=${uris(ids)}`, token);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect((await callApi(standIn, 'GET', `/me/library/contains?uris=${uris(ids)}`, token)).json).toEqual([false, false]);
  });
});

describe('hooks', () => {
  it('afterRequests(n) changes the library between the n-th answer and the next', async () => {
    let newHead: string | null = null;
    standIn.afterRequests(2, (s) => (newHead = s.library.add(1)[0]!.track.id));
    expect((await page(0)).total).toBe(200);
    expect((await page(50)).total).toBe(200);
    const third = await page(100);
    expect(third.total).toBe(201);
    expect(idsOf((await page(0)).items)[0]).toBe(newHead);
  });

  it('afterRequests counts only matching requests, once', async () => {
    let runs = 0;
    standIn.afterRequests(
      1,
      () => runs++,
      (request) => request.path === '/v1/me',
    );
    await page(0);
    expect(runs).toBe(0);
    await callApi(standIn, 'GET', '/me', token);
    await callApi(standIn, 'GET', '/me', token);
    expect(runs).toBe(1);
  });

  it('onRequest sees each Web API request before its answer, until unsubscribed', async () => {
    const seen: string[] = [];
    const stop = standIn.onRequest((request, s) => {
      seen.push(`${request.method} ${request.path} ${request.status}`);
      if (request.query.offset === '50') s.library.removeAt([0]);
    });
    await page(0);
    const second = await page(50);
    expect(second.total).toBe(199);
    stop();
    await page(0);
    expect(seen).toEqual(['GET /v1/me/tracks 0', 'GET /v1/me/tracks 0']);
  });
});
