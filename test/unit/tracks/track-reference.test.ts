import { describe, expect, it } from 'vitest';
import { parseTrackReference } from '../../../lib/tracks/track-reference';

const ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('parseTrackReference', () => {
  it.each([
    [`https://open.spotify.com/track/${ID}`],
    [`https://open.spotify.com/track/${ID}/`],
    [`https://open.spotify.com/track/${ID}?si=a1b2c3d4e5f6`],
    [`https://open.spotify.com/track/${ID}?si=x&context=spotify%3Aplaylist%3A37i9dQZF1DXcBWIGoYBM5M#t=12`],
    [`https://open.spotify.com/intl-de/track/${ID}`],
    [`https://open.spotify.com/intl-pt/track/${ID}?si=1`],
    [`https://open.spotify.com/intl-zh-hant/track/${ID}`],
    [`https://open.spotify.com/embed/track/${ID}`],
    [`https://open.spotify.com/embed/track/${ID}?utm_source=generator&theme=0`],
    [`https://OPEN.SPOTIFY.COM/track/${ID}`],
    [`spotify:track:${ID}`],
  ])('finds the track in %s', (reference) => {
    expect(parseTrackReference(reference)).toBe(ID);
  });

  it.each([
    ['a lookalike host', `https://open.spotify.com.evil.example/track/${ID}`],
    ['a host that merely ends like Spotify', `https://notopen.spotify.com/track/${ID}`],
    ['a path mentioning Spotify on another host', `https://evil.example/open.spotify.com/track/${ID}`],
    ['userinfo posing as the host', `https://open.spotify.com@evil.example/track/${ID}`],
    ['credentials before the host', `https://user:pass@open.spotify.com/track/${ID}`],
    ['an explicit port', `https://open.spotify.com:8443/track/${ID}`],
    ['plain http', `http://open.spotify.com/track/${ID}`],
    ['an encoded slash', `https://open.spotify.com/track%2F${ID}`],
    ['an encoded id', `https://open.spotify.com/track/%34uLU6hMCjMI75M1A2tKUQC`],
    ['an id one character short', `https://open.spotify.com/track/${ID.slice(1)}`],
    ['an id one character long', `https://open.spotify.com/track/${ID}x`],
    ['an id with a non-base62 character', `https://open.spotify.com/track/${ID.slice(1)}-`],
    ['an album', `https://open.spotify.com/album/${ID}`],
    ['a playlist', `https://open.spotify.com/playlist/${ID}`],
    ['a nested track path', `https://open.spotify.com/artist/x/track/${ID}`],
    ['extra path after the id', `https://open.spotify.com/track/${ID}/lyrics`],
    ['a bad locale segment', `https://open.spotify.com/intl-deutsch/track/${ID}`],
    ['a URI with a wrong-length id', `spotify:track:${ID}A`],
    ['a URI for something else', `spotify:album:${ID}`],
    ['a URI with trailing text', `spotify:track:${ID} `],
    ['a local-file URI', 'spotify:local:Artist:Album:Title:210'],
    ['a very long URL', `https://open.spotify.com/track/${ID}?si=${'a'.repeat(5000)}`],
    ['not a URL', `open.spotify.com/track/${ID}`],
    ['an empty string', ''],
    ['a javascript: URL', `javascript:alert('${ID}')`],
  ])('ignores %s', (_, reference) => {
    expect(parseTrackReference(reference)).toBeNull();
  });
});
