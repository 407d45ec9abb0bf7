import { describe, expect, it } from 'vitest';
import { isHttpsOrigin, originOfUrl, originPattern, siteOfUrl } from '../../../lib/cross-site/sites';

describe('sites and origins', () => {
  it.each([
    ['https://www.youtube.com/watch?v=x', 'youtube'],
    ['https://music.youtube.com/watch?v=x', 'youtube-music'],
    ['https://nilsfrahm.bandcamp.com/track/says', 'bandcamp'],
    ['https://www.last.fm/music/A/_/B', 'lastfm'],
    ['https://genius.com/A-b-lyrics', 'genius'],
    ['https://soundcloud.com/a/b', 'soundcloud'],
    ['https://m.youtube.com/watch?v=x', 'youtube'],
    ['https://m.soundcloud.com/a/b', 'soundcloud'],
    ['https://music.apple.com/us/song/x/1', 'apple-music'],
    ['https://www.deezer.com/us/track/1', 'deezer'],
    ['https://tidal.com/browse/track/1', 'tidal'],
    ['https://listen.tidal.com/track/1', 'tidal'],
  ])('%s is on %s', (url, site) => expect(siteOfUrl(url)?.id).toBe(site));

  it.each([
    'http://www.youtube.com/watch?v=x',
    'https://www.youtube.com.evil.example/',
    'https://evilbandcamp.com/track/x',
    'https://www.youtube.com:8443/',
    'https://nottidal.com/track/1',
    'not a url',
  ])('%s is on no site', (url) => expect(siteOfUrl(url)).toBeNull());

  it('gives the origin a tab can be switched on for: https only, no port, no credentials', () => {
    expect(originOfUrl('https://music.nilsfrahm.com/track/all-melody?x=1#y')).toBe('https://music.nilsfrahm.com');
    expect(originPattern('https://music.nilsfrahm.com')).toBe('https://music.nilsfrahm.com/*');
    for (const url of [
      'http://music.example.com/',
      'https://music.example.com:8443/',
      'https://user:pass@music.example.com/',
      'chrome://extensions/',
      'not a url',
    ]) {
      expect(originOfUrl(url), url).toBeNull();
    }
    expect(isHttpsOrigin('https://music.example.com')).toBe(true);
    expect(isHttpsOrigin('https://music.example.com/')).toBe(false);
    expect(isHttpsOrigin('https://*.example.com')).toBe(false);
  });
});
