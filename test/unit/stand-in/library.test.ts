import { describe, expect, it } from 'vitest';
import { generateLibrary, generateLibraryAndCatalog } from '../../stand-in/library';
import type { SavedTrackObject, TrackObject } from '../../stand-in/spotify-types';

const BASE62_ID = /^[0-9A-Za-z]{22}$/;

function spotifyTracks(saved: SavedTrackObject[]): TrackObject[] {
  return saved.flatMap((item) => (item.track.is_local ? [] : [item.track]));
}

describe('generateLibrary', () => {
  it('is deterministic: the same seed gives the same library, another seed another one', () => {
    const first = JSON.stringify(generateLibraryAndCatalog({ size: 2000, seed: 7 }));
    expect(JSON.stringify(generateLibraryAndCatalog({ size: 2000, seed: 7 }))).toBe(first);
    const other = generateLibrary({ size: 2000, seed: 8 });
    expect(other[0]!.track.id).not.toBe(generateLibrary({ size: 2000, seed: 7 })[0]!.track.id);
  });

  it('generates 100,000 tracks with unique 22-character base62 ids', () => {
    // How long this takes is a bench figure (`npm run bench -- --only internals`).
    const library = generateLibraryAndCatalog({ size: 100_000, seed: 1 });
    expect(library.saved).toHaveLength(100_000);

    const ids = [...spotifyTracks(library.saved), ...library.unsaved].map((track) => track.id);
    expect(ids.every((id) => BASE62_ID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('orders newest first over several years, with busy and quiet months and few same-second ties', () => {
    const saved = generateLibrary({ size: 20_000, seed: 3 });
    const times = saved.map((item) => Date.parse(item.added_at));
    let ties = 0;
    for (let i = 1; i < times.length; i++) {
      expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
      if (times[i] === times[i - 1]) ties++;
    }
    expect(ties).toBeGreaterThan(0);
    expect(ties / times.length).toBeLessThan(0.01);
    expect(saved.every((item) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(item.added_at))).toBe(true);
    expect(saved[0]!.added_at < '2026-11-01T12:00:00Z').toBe(true);

    const years = (times[0]! - times.at(-1)!) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(4);
    const perMonth = new Map<string, number>();
    for (const item of saved) perMonth.set(item.added_at.slice(0, 7), (perMonth.get(item.added_at.slice(0, 7)) ?? 0) + 1);
    const counts = [...perMonth.values()];
    expect(perMonth.size).toBeGreaterThan(48);
    expect(Math.max(...counts)).toBeGreaterThan(4 * Math.min(...counts));
  });

  it('never saves a track before its album was released', () => {
    for (const item of generateLibrary({ size: 5000, seed: 4 })) {
      if (!item.track.is_local) expect(item.track.album.release_date <= item.added_at.slice(0, 10)).toBe(true);
    }
  });

  it('has the names search must handle: diacritics, CJK, Hangul, Cyrillic, punctuation, feat., remasters, live', () => {
    const tracks = spotifyTracks(generateLibrary({ size: 5000, seed: 1 }));
    const titles = tracks.map((track) => track.name);
    const artists = new Set(tracks.flatMap((track) => track.artists.map((artist) => artist.name)));
    for (const name of [
      'Beyoncé',
      'Sigur Rós',
      'Motörhead',
      'Céline Dion',
      '宇多田ヒカル',
      '坂本龍一',
      '방탄소년단',
      'Кино',
      'Земфира',
      'AC/DC',
      'P!nk',
      "Guns N' Roses",
    ]) {
      expect(artists, name).toContain(name);
    }
    expect(titles).toContain("Don't Stop Me Now");
    expect(titles.some((title) => / \(feat\. .+\)$/.test(title))).toBe(true);
    expect(titles.some((title) => / - Remastered \d{4}$/.test(title))).toBe(true);
    expect(titles.some((title) => title.endsWith(' (Live)'))).toBe(true);
    const explicit = tracks.filter((track) => track.explicit).length / tracks.length;
    expect(explicit).toBeGreaterThan(0.05);
    expect(explicit).toBeLessThan(0.25);
  });

  it('has realistic tracks: album with 640/300/64 covers, ISRC, markets shared across tracks', () => {
    const tracks = spotifyTracks(generateLibrary({ size: 500, seed: 1 }));
    const playable = tracks.find((track) => track.is_playable)!;
    expect(playable.album.images.map((image) => image.width)).toEqual([640, 300, 64]);
    expect(playable.external_ids.isrc).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
    expect(playable.available_markets.length).toBeGreaterThan(170);
    expect(playable.uri).toBe(`spotify:track:${playable.id}`);
    expect(playable.external_urls.spotify).toBe(`https://open.spotify.com/track/${playable.id}`);
    expect(tracks.filter((track) => track.is_playable).every((track) => track.available_markets === playable.available_markets)).toBe(true);
  });

  it('has ~0.5% local files and ~1% unplayable tracks, shaped as Spotify sends them', () => {
    const saved = generateLibrary({ size: 100_000, seed: 2 });
    const local = saved.filter((item) => item.track.is_local);
    expect(local.length).toBeGreaterThan(300);
    expect(local.length).toBeLessThan(800);
    for (const { track } of local) {
      expect(track.id).toBeNull();
      expect(track.album.id).toBeNull();
      expect(track.artists[0]!.id).toBeNull();
      expect(track.external_ids).toEqual({});
      expect(track.uri).toMatch(/^spotify:local:[^:]*:[^:]*:[^:]+:\d+$/);
    }
    const unplayable = spotifyTracks(saved).filter((track) => !track.is_playable);
    expect(unplayable.length).toBeGreaterThan(700);
    expect(unplayable.length).toBeLessThan(1300);
    expect(unplayable.every((track) => track.restrictions?.reason === 'market')).toBe(true);
  });

  it('gives small libraries at least one local file and one unplayable track', () => {
    const saved = generateLibrary({ size: 40, seed: 5 });
    expect(saved.some((item) => item.track.is_local)).toBe(true);
    expect(saved.some((item) => !item.track.is_local && !item.track.is_playable)).toBe(true);
  });

  it('has a catalog of unsaved tracks, including other versions (same ISRC) of saved ones', () => {
    const library = generateLibraryAndCatalog({ size: 3000, seed: 1 });
    const savedById = new Map(spotifyTracks(library.saved).map((track) => [track.id, track]));
    const unsavedById = new Map(library.unsaved.map((track) => [track.id, track]));
    expect(library.unsaved.length).toBeGreaterThanOrEqual(300);
    expect([...unsavedById.keys()].some((id) => savedById.has(id))).toBe(false);

    expect(library.otherVersions.size).toBeGreaterThan(5);
    for (const [savedId, otherId] of library.otherVersions) {
      const saved = savedById.get(savedId)!;
      const other = unsavedById.get(otherId)!;
      expect(other.external_ids.isrc).toBe(saved.external_ids.isrc);
      expect(other.album.id).not.toBe(saved.album.id);
      expect(other.name).toBe(saved.name);
    }
    expect(library.bothVersionsSaved.length).toBeGreaterThan(5);
    for (const [first, second] of library.bothVersionsSaved) {
      expect(savedById.get(second)!.external_ids.isrc).toBe(savedById.get(first)!.external_ids.isrc);
      expect(savedById.get(second)!.album.id).not.toBe(savedById.get(first)!.album.id);
    }
    expect(generateLibraryAndCatalog({ size: 10, seed: 1 }).unsaved.length).toBeGreaterThanOrEqual(20);
  });
});
