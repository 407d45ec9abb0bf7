import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../../lib/matching/extractors';
import { parseIsoDuration } from '../../../lib/matching/extractors/structured-data';
import type { PageTrack } from '../../../lib/matching/page-track';
import type { SiteId } from '../../../lib/matching/sites';
import { fixtureDocument, SITE_FIXTURES } from './fixtures';

const extract = (site: SiteId, doc: Document, url: string) => EXTRACTORS[site](doc, new URL(url));

describe('reading the song from each site’s fixture page', () => {
  it.each<[SiteId, PageTrack]>([
    ['youtube', { title: 'Queen – Bohemian Rhapsody (Official Video Remastered)', artists: ['Queen Official'], durationMs: 359_000, titleMayNameArtist: true }],
    ['youtube-music', { title: 'Smells Like Teen Spirit', artists: ['Nirvana'] }],
    ['bandcamp', { title: 'Says', artists: ['Nils Frahm'], durationMs: 499_000 }],
    ['lastfm', { title: 'Dog Days Are Over', artists: ['Florence and the Machine'] }],
    ['genius', { title: 'Hello', artists: ['Adele'] }],
    ['soundcloud', { title: 'Midnight City (Eric Prydz Private Remix)', artists: ['M83'], durationMs: 401_000, titleMayNameArtist: true }],
  ])('%s', (site, expected) => {
    const { file, url } = SITE_FIXTURES[site];
    expect(extract(site, fixtureDocument(file), url)).toEqual(expected);
  });

  it.each<[SiteId, string]>([
    ['youtube', 'https://www.youtube.com/'],
    ['youtube', 'https://www.youtube.com/results?search_query=queen'],
    ['youtube-music', 'https://music.youtube.com/explore'],
    ['bandcamp', 'https://nilsfrahm.bandcamp.com/album/spaces'],
    ['lastfm', 'https://www.last.fm/music/Florence+and+the+Machine'],
    ['genius', 'https://genius.com/artists/Adele'],
    ['soundcloud', 'https://soundcloud.com/m83/sets/hurry-up'],
    ['soundcloud', 'https://soundcloud.com/discover/sets'],
  ])('finds no song on %s page %s', (site, url) => {
    expect(extract(site, fixtureDocument(SITE_FIXTURES[site].file), url)).toBeNull();
  });
});

describe('single-page apps', () => {
  it('YouTube: stale meta tags are ignored; the watch markup counts once it shows the new video', () => {
    const doc = fixtureDocument(SITE_FIXTURES.youtube.file);
    const next = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    // The URL changed, the page has not caught up: nothing rather than the previous song.
    expect(extract('youtube', doc, next)).toBeNull();
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'dQw4w9WgXcQ');
    doc.querySelector('ytd-watch-metadata h1')!.textContent = 'Rick Astley - Never Gonna Give You Up (Official Music Video)';
    doc.querySelector('ytd-channel-name a')!.textContent = 'Rick Astley';
    expect(extract('youtube', doc, next)).toEqual({
      title: 'Rick Astley - Never Gonna Give You Up (Official Music Video)',
      artists: ['Rick Astley'],
      titleMayNameArtist: true,
    });
  });

  it('YouTube: the "Music" card names song and artist as such', () => {
    const doc = fixtureDocument(SITE_FIXTURES.youtube.file);
    doc.querySelector('ytd-watch-metadata')!.insertAdjacentHTML(
      'beforeend',
      '<yt-video-attribute-view-model><h1 class="yt-video-attribute-view-model__title">Bohemian Rhapsody</h1><h4 class="yt-video-attribute-view-model__subtitle">Queen</h4></yt-video-attribute-view-model>',
    );
    expect(extract('youtube', doc, SITE_FIXTURES.youtube.url)).toEqual({ title: 'Bohemian Rhapsody', artists: ['Queen'] });
  });

  it('SoundCloud: after in-app navigation the listen hero is read, not the first page’s og: tags', () => {
    const doc = fixtureDocument(SITE_FIXTURES.soundcloud.file);
    doc.querySelector('.soundTitle__title span')!.textContent = 'Wait';
    expect(extract('soundcloud', doc, 'https://soundcloud.com/m83/wait')).toEqual({ title: 'Wait', artists: ['M83'], titleMayNameArtist: true });
  });

  it('Last.fm: the URL names the song when the header is missing', () => {
    const doc = fixtureDocument(SITE_FIXTURES.lastfm.file);
    doc.querySelector('header')!.remove();
    expect(extract('lastfm', doc, 'https://www.last.fm/music/Beyonc%C3%A9/_/Halo')).toEqual({ title: 'Halo', artists: ['Beyoncé'] });
  });

  it('Bandcamp: JSON-LD that describes another page is not used', () => {
    const doc = fixtureDocument(SITE_FIXTURES.bandcamp.file);
    doc.querySelector('#name-section .trackTitle')!.textContent = 'Says (Live)';
    expect(extract('bandcamp', doc, 'https://nilsfrahm.bandcamp.com/track/says-live')).toEqual({ title: 'Says (Live)', artists: ['Nils Frahm'] });
  });

  it('skips JSON-LD that does not parse or is not a recording', () => {
    const doc = fixtureDocument(SITE_FIXTURES.genius.file);
    doc.head.insertAdjacentHTML('beforeend', '<script type="application/ld+json">{ not json</script><script type="application/ld+json">{"@type":"WebPage","name":"x"}</script>');
    expect(extract('genius', doc, SITE_FIXTURES.genius.url)).toEqual({ title: 'Hello', artists: ['Adele'] });
  });
});

describe('ISO 8601 durations', () => {
  it.each([
    ['PT4M13S', 253_000],
    ['P00H08M19S', 499_000],
    ['PT1H2M3.5S', 3_723_500],
    ['PT0S', undefined],
    ['P', undefined],
    ['4:13', undefined],
    [null, undefined],
  ])('%s', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));
});
