import { describe, expect, it } from 'vitest';
import { createRemovedList, removalHistoryChange } from '../../../lib/library-view/removed-list';
import type { RemovedTrack } from '../../../lib/library/store';
import type { RestoreStatus } from '../../../lib/status';
import type { StoredTrack } from '../../../lib/tracks/stored-track';
import { searchKeyOf } from '../../../lib/search/search-key';

const track = (id: string, name: string, artist: string, album: string): StoredTrack => ({
  id,
  uri: `spotify:track:${id}`,
  name,
  artists: [{ id: null, name: artist }],
  album: { id: null, name: album, image: null, releaseDate: null },
  durationMs: 200_000,
  explicit: false,
  isrc: null,
  addedAt: '2026-01-01T00:00:00Z',
  isLocal: false,
  isPlayable: true,
});

/** Newest removal first, as the history is read. */
const removed: RemovedTrack[] = [
  { track: track('a'.repeat(22), 'Hyperballad', 'Björk', 'Post'), removedAt: '2026-11-03T00:00:00Z', by: 'sync' },
  { track: track('b'.repeat(22), 'Svefn-g-englar', 'Sigur Rós', 'Ágætis byrjun'), removedAt: '2026-11-02T00:00:00Z', by: 'tracklight' },
  { track: track('c'.repeat(22), 'Björk', 'Someone Else', 'Covers'), removedAt: '2026-11-01T00:00:00Z', by: 'sync' },
];
const list = createRemovedList({ removed, searchKeys: removed.map(({ track: stored }) => searchKeyOf(stored)) });

describe('the removed tracks as the view lists them', () => {
  it.each<[string, number[], string]>([
    ['', [0, 1, 2], 'all'],
    ['   ', [0, 1, 2], 'all'],
    ['sigur ros', [1], 'exact'],
    ['agaetis', [1], 'exact'],
    // Title matches before artist matches, as in the library.
    ['bjork', [2, 0], 'exact'],
    ['hyperbalad', [0], 'typo'],
    ['nothing like it', [], 'none'],
  ])('“%s” lists %j', (query, positions, kind) => {
    expect(list.view(query)).toEqual({ positions, kind });
  });
});

describe('when the history is read again', () => {
  const restore = { jobId: 'job-1', position: 4, state: 'running' } as RestoreStatus;
  it.each<[string, number, RestoreStatus | null]>([
    ['a sync changed the library', 8, restore],
    ['a restore began', 7, { ...restore, jobId: 'job-2' }],
    ['a restore confirmed tracks', 7, { ...restore, position: 5 }],
    ['a restore ended', 7, { ...restore, state: 'done' } as RestoreStatus],
    ['a restore was dismissed', 7, null],
  ])('after %s', (_, libraryVersion, after) => {
    expect(removalHistoryChange(libraryVersion, after)).not.toBe(removalHistoryChange(7, restore));
  });

  it('not while nothing moved', () => {
    expect(removalHistoryChange(7, { ...restore })).toBe(removalHistoryChange(7, restore));
  });
});
