import { describe, expect, it } from 'vitest';
import { artistKey, creditKeys } from '../../../../lib/cross-site/matching/artist-key';
import { songUrlOf } from '../../../../lib/cross-site/matching/song-url';
import { boundSiteTrack } from '../../../../lib/cross-site/site-track';
import { isHttpsOrigin, originOfUrl, originPattern, siteOfUrl } from '../../../../lib/cross-site/sites';
import { splitTitle } from '../../../../lib/cross-site/matching/title-parts';
import { classifyTitlePart } from '../../../../lib/cross-site/matching/version-markers';

describe('title parts', () => {
  it.each([
    ['(Official Video)', 'noise'],
    ['[Lyrics]', 'noise'],
    ['Official HD Video', 'noise'],
    ['Remastered 2011', 'noise'],
    ['2004 Remaster', 'noise'],
    ['Radio Edit', 'noise'],
    ['Single Version', 'noise'],
    ['Mono / Remastered', 'noise'],
    ['From "Frozen"/Soundtrack Version', 'noise'],
    ['with lyrics', 'noise'],
    ['Original Mix', 'noise'],
    ['Part 2', 'other'],
    ['I Can’t Get No', 'other'],
  ])('%s is %s', (part, kind) => expect(classifyTitlePart(part).kind).toBe(kind));

  it.each([
    ['Live at Wembley Stadium', 'live'],
    ['Skrillex Remix', 'remix:skrillex'],
    ['Remix', 'remix'],
    ['Club Mix', 'remix:club'],
    ['Extended Mix', 'extended'],
    ['Karaoke Version', 'karaoke'],
    ['In the Style of Adele', 'karaoke'],
    ['Acoustic', 'acoustic'],
    ['MTV Unplugged', 'acoustic'],
    ['Instrumental', 'instrumental'],
    ['Sped Up', 'altered'],
    ['Slowed + Reverb', 'altered'],
    ['Demo', 'demo'],
    ["Taylor's Version", 'rerecorded'],
    ['Spanish Version', 'version:spanish'],
    ['Cover by J.Fla', 'cover'],
    ['2019 Mix', 'remix'],
  ])('%s names the version %s', (part, marker) => expect(classifyTitlePart(part)).toEqual({ kind: 'version', marker }));

  it.each([
    ['feat. Sia', 'Sia'],
    ['ft. Nyla & Kranium', 'Nyla & Kranium'],
    ['with Justin Bieber', 'Justin Bieber'],
  ])('%s credits %s', (part, names) => expect(classifyTitlePart(part)).toEqual({ kind: 'featured', names }));

  it.each([
    ['Bohemian Rhapsody - Remastered 2011', { pieces: ['Bohemian Rhapsody'], markers: [], featured: [] }],
    ['Queen – Bohemian Rhapsody (Official Video Remastered)', { pieces: ['Queen', 'Bohemian Rhapsody'], markers: [], featured: [] }],
    ['Titanium (feat. Sia)', { pieces: ['Titanium'], markers: [], featured: ['Sia'] }],
    ["CAN'T HOLD US FEAT. RAY DALTON", { pieces: ["CAN'T HOLD US"], markers: [], featured: ['RAY DALTON'] }],
    ['Song (feat. X) [Skrillex Remix] - Live', { pieces: ['Song'], markers: ['live', 'remix:skrillex'], featured: ['X'] }],
    ["(I Can't Get No) Satisfaction", { pieces: ["I Can't Get No  Satisfaction"], markers: [], featured: [] }],
    ['GANGNAM STYLE(강남스타일) M/V', { pieces: ['GANGNAM STYLE 강남스타일'], markers: [], featured: [] }],
    ['Jay-Z', { pieces: ['Jay-Z'], markers: [], featured: [] }],
  ])('%s', (title, parts) => expect(splitTitle(title)).toEqual(parts));
});

describe('artist keys', () => {
  it.each([
    ['The Beatles', 'Beatles'],
    ['AC/DC', 'AC DC'],
    ['JAY-Z', 'Jay Z'],
    ['Beyoncé', 'BEYONCE'],
    ['Adele - Topic', 'Adele'],
    ['AdeleVEVO', 'Adele'],
    ['Queen Official', 'Queen'],
    ['Sigur Rós', 'sigur ros'],
  ])('%s = %s', (a, b) => expect(artistKey(a)).toBe(artistKey(b)));

  it('keeps a credit whole and split', () => {
    expect(creditKeys('Simon & Garfunkel')).toEqual(['simongarfunkel', 'simon', 'garfunkel']);
    expect(creditKeys('Rihanna feat. Drake')).toEqual(['rihannafeatdrake', 'rihanna', 'drake']);
    expect(creditKeys('Lil Nas X')).toEqual(['lilnasx']);
    expect(creditKeys('Calvin Harris x Dua Lipa')).toEqual(['calvinharrisxdualipa', 'calvinharris', 'dualipa']);
  });
});

describe('sites and pages', () => {
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

  it.each(['http://www.youtube.com/watch?v=x', 'https://www.youtube.com.evil.example/', 'https://evilbandcamp.com/track/x', 'https://www.youtube.com:8443/', 'https://nottidal.com/track/1', 'not a url'])(
    '%s is on no site',
    (url) => expect(siteOfUrl(url)).toBeNull(),
  );

  it('gives the origin a page can be switched on for: https only, no port, no credentials', () => {
    expect(originOfUrl('https://music.nilsfrahm.com/track/all-melody?x=1#y')).toBe('https://music.nilsfrahm.com');
    expect(originPattern('https://music.nilsfrahm.com')).toBe('https://music.nilsfrahm.com/*');
    for (const url of ['http://music.example.com/', 'https://music.example.com:8443/', 'https://user:pass@music.example.com/', 'chrome://extensions/', 'not a url']) {
      expect(originOfUrl(url), url).toBeNull();
    }
    expect(isHttpsOrigin('https://music.example.com')).toBe(true);
    expect(isHttpsOrigin('https://music.example.com/')).toBe(false);
    expect(isHttpsOrigin('https://*.example.com')).toBe(false);
  });

  it('keys a page without what does not change the song', () => {
    expect(songUrlOf('https://www.youtube.com/watch?v=abc&t=42s&list=PL1#x')).toBe('www.youtube.com/watch?v=abc');
    expect(songUrlOf('https://genius.com/Adele-hello-lyrics?utm_source=x')).toBe('genius.com/Adele-hello-lyrics');
    expect(songUrlOf('https://music.apple.com/us/album/die-with-a-smile/1762656941?i=1762657163&l=en')).toBe('music.apple.com/us/album/die-with-a-smile/1762656941?i=1762657163');
  });

  it('bounds what a page gives before it is sent', () => {
    const long = 'x'.repeat(1000);
    const bounded = boundSiteTrack({ title: `  ${long} `, artists: [' A ', 'A', '', ...Array.from({ length: 20 }, (_, i) => `B${i}`)], durationMs: -5, isrc: 'nope' });
    expect(bounded?.title.length).toBe(300);
    expect(bounded?.artists).toHaveLength(10);
    expect(bounded?.artists[0]).toBe('A');
    expect(bounded).not.toHaveProperty('durationMs');
    expect(bounded).not.toHaveProperty('isrc');
    expect(boundSiteTrack({ title: ' ', artists: ['A'] })).toBeNull();
  });
});
