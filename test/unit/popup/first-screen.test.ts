import { describe, expect, it } from 'vitest';
import { currentFirstScreen, listedTrackOf, type FirstScreen } from '../../../lib/popup/first-screen';
import type { StoredTrack } from '../../../lib/tracks/stored-track';

const track: StoredTrack = {
  id: '4uLU6hMCjMI75M1A2tKUQC',
  uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
  name: 'Never Gonna Give You Up',
  artists: [{ id: '0gxyHStUsqpMadRV0Di1Qt', name: 'Rick Astley' }],
  album: { id: '6XhjNHCyCDyyGJRM5mg40G', name: 'Whenever You Need Somebody', image: 'https://i.scdn.co/image/ab67616d00004851aaaa', releaseDate: '1987-11-12' },
  durationMs: 213_573,
  explicit: false,
  isrc: 'GBARL9300135',
  addedAt: '2026-11-01T12:00:00Z',
  isLocal: false,
  isPlayable: true,
};

const screen: FirstScreen = { accountKey: 'account-1', libraryVersion: 7, sizes: [1000, 250], newest: [listedTrackOf(track)] };

describe('the first screen a popup keeps for the next', () => {
  it('stands for the library only at its own account and version', () => {
    expect(currentFirstScreen(screen, 'account-1', 7)).toBe(screen);
    expect(currentFirstScreen(screen, 'account-1', 8)).toBeNull();
    expect(currentFirstScreen(screen, 'account-2', 7)).toBeNull();
    expect(currentFirstScreen(screen, null, 7)).toBeNull();
    expect(currentFirstScreen(null, 'account-1', 7)).toBeNull();
    expect(currentFirstScreen(undefined, 'account-1', 7)).toBeNull();
  });

  it('keeps of each track only what a row shows', () => {
    expect(listedTrackOf(track)).toEqual({
      id: track.id,
      uri: track.uri,
      name: track.name,
      artists: [{ name: 'Rick Astley' }],
      album: { name: 'Whenever You Need Somebody', image: 'https://i.scdn.co/image/ab67616d00004851aaaa' },
      durationMs: 213_573,
      addedAt: '2026-11-01T12:00:00Z',
    });
  });
});
