import { describe, expect, it } from 'vitest';
import type { SpotifyApi } from '../../../lib/spotify/api-client';
import { fetchSavedTracksPage, MalformedPageError, toStoredTrack } from '../../../lib/spotify/saved-tracks';

const ID = '4uLU6hMCjMI75M1A2tKUQC';
const ADDED_AT = '2026-10-31T21:04:05Z';

function savedTrack(overrides: Record<string, unknown> = {}) {
  return {
    added_at: ADDED_AT,
    track: {
      id: ID,
      uri: `spotify:track:${ID}`,
      name: 'Never Gonna Give You Up',
      artists: [{ id: '0gxyHStUsqpMadRV0Di1Qt', name: 'Rick Astley', href: 'x', type: 'artist', uri: 'spotify:artist:0gxyHStUsqpMadRV0Di1Qt' }],
      album: {
        id: '6XhjNHCyCDyyGJRM5mg40G',
        name: 'Whenever You Need Somebody',
        images: [
          { url: 'https://i.scdn.co/image/large', width: 640, height: 640 },
          { url: 'https://i.scdn.co/image/medium', width: 300, height: 300 },
          { url: 'https://i.scdn.co/image/small', width: 64, height: 64 },
        ],
        release_date: '1987-11-12',
        available_markets: ['SE', 'US'],
      },
      duration_ms: 213573,
      explicit: false,
      external_ids: { isrc: 'GBARL9300135' },
      is_local: false,
      is_playable: true,
      available_markets: ['SE', 'US'],
      popularity: 80,
      ...overrides,
    },
  };
}

const expected = {
  id: ID,
  uri: `spotify:track:${ID}`,
  name: 'Never Gonna Give You Up',
  artists: [{ id: '0gxyHStUsqpMadRV0Di1Qt', name: 'Rick Astley' }],
  album: {
    id: '6XhjNHCyCDyyGJRM5mg40G',
    name: 'Whenever You Need Somebody',
    image: 'https://i.scdn.co/image/small',
    releaseDate: '1987-11-12',
  },
  durationMs: 213573,
  explicit: false,
  isrc: 'GBARL9300135',
  addedAt: ADDED_AT,
  isLocal: false,
  isPlayable: true,
};

describe('toStoredTrack', () => {
  it.each([
    ['keeps only the compact fields, with the smallest cover', savedTrack(), expected],
    ['leaves is_playable unknown when absent', savedTrack({ is_playable: undefined }), { ...expected, isPlayable: null }],
    ['builds the URI from the id when it is missing', savedTrack({ uri: undefined }), expected],
    [
      'fills placeholders for missing or mistyped optional fields',
      savedTrack({ name: 42, artists: 'nobody', album: null, duration_ms: 'long', explicit: 'yes', external_ids: {} }),
      {
        ...expected,
        name: '',
        artists: [],
        album: { id: null, name: '', image: null, releaseDate: null },
        durationMs: 0,
        isrc: null,
      },
    ],
    [
      'drops an artist that is not an object, keeping the others',
      savedTrack({ artists: [null, { name: 'Rick Astley' }] }),
      { ...expected, artists: [{ id: null, name: 'Rick Astley' }] },
    ],
    [
      'keeps a local file, keyed by its URI, without ids',
      {
        added_at: ADDED_AT,
        track: {
          id: null,
          uri: 'spotify:local:Artist:Album:Song:215',
          name: 'Song',
          artists: [{ id: null, name: 'Artist' }],
          album: { id: null, name: 'Album', images: [], release_date: null },
          duration_ms: 215000,
          explicit: false,
          external_ids: {},
          is_local: true,
        },
      },
      {
        id: null,
        uri: 'spotify:local:Artist:Album:Song:215',
        name: 'Song',
        artists: [{ id: null, name: 'Artist' }],
        album: { id: null, name: 'Album', image: null, releaseDate: null },
        durationMs: 215000,
        explicit: false,
        isrc: null,
        addedAt: ADDED_AT,
        isLocal: true,
        isPlayable: null,
      },
    ],
  ])('%s', (_name, input, output) => {
    expect(toStoredTrack(input)).toEqual(output);
  });

  it.each([
    ['track: null', { added_at: ADDED_AT, track: null }],
    ['no uri and no id', savedTrack({ uri: undefined, id: null })],
    ['a track that is not an object', { added_at: ADDED_AT, track: 'gone' }],
    ['an item that is not an object', 17],
  ])('returns null for %s', (_name, input) => {
    expect(toStoredTrack(input)).toBeNull();
  });
});

function apiAnswering(body: unknown): SpotifyApi {
  return { get: async () => body, put: async () => undefined, delete: async () => undefined, requestCount: 0 };
}

describe('fetchSavedTracksPage', () => {
  it.each([
    ['a page short of 50 in the middle', 0, { total: 120, items: [savedTrack()] }, 49],
    ['the last page short of what its total leaves', 100, { total: 120, items: [savedTrack(), savedTrack()] }, 18],
    ['a page with every item left out', 50, { total: 120, items: [] }, 50],
    ['a whole page', 0, { total: 2, items: [savedTrack(), savedTrack()] }, 0],
    ['a page past the end', 150, { total: 120, items: [] }, 0],
  ])('counts the places Spotify left out of %s, as no error', async (_name, offset, body, unavailable) => {
    const page = await fetchSavedTracksPage(apiAnswering(body), { offset });
    expect(page.unavailable).toBe(unavailable);
    expect(page.items).toHaveLength(body.items.length);
  });

  it('counts and places skipped items', async () => {
    const body = { total: 3, items: [{ added_at: 'a', track: null }, savedTrack(), 'junk'] };
    const page = await fetchSavedTracksPage(apiAnswering(body), { offset: 0 });
    expect(page).toMatchObject({ offset: 0, total: 3, skipped: 2 });
    expect(page.skippedItems).toEqual([
      { index: 0, addedAt: 'a' },
      { index: 2, addedAt: '' },
    ]);
    expect(page.items).toEqual([expected]);
  });

  it.each([
    ['no total', { items: [] }],
    ['a negative total', { total: -1, items: [] }],
    ['items that are not a list', { total: 1, items: {} }],
    ['more items than the limit', { total: 100, items: Array.from({ length: 51 }, () => savedTrack()) }],
    ['no body at all', undefined],
  ])('rejects a page with %s', async (_name, body) => {
    await expect(fetchSavedTracksPage(apiAnswering(body), { offset: 50 })).rejects.toBeInstanceOf(MalformedPageError);
  });
});
