import { describe, expect, it } from 'vitest';
import { exportedTrackOf, TRACK_CSV_COLUMNS } from '../../../lib/library-view/track-export';
import { storedTrack } from './tracks';

describe('a track as exported', () => {
  it('has a CSV header naming every stored field', () => {
    expect(TRACK_CSV_COLUMNS).toEqual([
      'uri',
      'id',
      'name',
      'artists',
      'artist_ids',
      'album',
      'album_id',
      'album_release_date',
      'album_image',
      'duration_ms',
      'explicit',
      'isrc',
      'added_at',
      'is_local',
      'is_playable',
    ]);
  });

  it('uses Spotify’s field names in JSON', () => {
    const track = exportedTrackOf(storedTrack());
    expect(Object.keys(track)).toEqual(['uri', 'id', 'name', 'artists', 'album', 'duration_ms', 'explicit', 'isrc', 'added_at', 'is_local', 'is_playable']);
    expect(Object.keys(track.album)).toEqual(['id', 'name', 'release_date', 'image']);
  });
});
