import { describe, expect, it } from 'vitest';
import { clipForDisplay, trackOpenUrl, trackShareLink } from '../../../lib/popup/track-links';

const spotifyTrack = { id: '4uLU6hMCjMI75M1A2tKUQC', uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', name: 'Halo', artists: [{ id: null, name: 'Beyoncé' }] };
const localFile = { id: null, uri: 'spotify:local:Artist:Album:My+Demo:200', name: 'My Demo', artists: [{ id: null, name: 'Sigur Rós' }] };

describe('track links', () => {
  it.each<[string, typeof spotifyTrack | typeof localFile, 'web' | 'app', string]>([
    ['a track in the web player', spotifyTrack, 'web', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC'],
    ['a track in the desktop app', spotifyTrack, 'app', 'spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
    ['a local file as a web search', localFile, 'web', 'https://open.spotify.com/search/My%20Demo%20Sigur%20R%C3%B3s'],
    ['a local file as an app search', localFile, 'app', 'spotify:search:My%20Demo%20Sigur%20R%C3%B3s'],
  ])('opens %s', (_, track, openIn, url) => {
    expect(trackOpenUrl(track, openIn)).toBe(url);
  });

  it('copies the web address, or a local file’s URI', () => {
    expect(trackShareLink(spotifyTrack)).toBe('https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC');
    expect(trackShareLink(localFile)).toBe('spotify:local:Artist:Album:My+Demo:200');
  });
});

describe('clipForDisplay', () => {
  it('keeps text that fits', () => {
    expect(clipForDisplay('Halo', 10)).toBe('Halo');
    expect(clipForDisplay('0123456789', 10)).toBe('0123456789');
  });

  it('cuts a huge string, with an ellipsis', () => {
    const clipped = clipForDisplay('x'.repeat(100_000));
    expect(clipped).toHaveLength(301);
    expect(clipped.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    expect(clipForDisplay('abc😀def', 4)).toBe('abc…');
    expect(clipForDisplay('abc😀def', 5)).toBe('abc😀…');
  });
});
