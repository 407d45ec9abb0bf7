import { describe, expect, it } from 'vitest';
import { EXTRACTORS, extractGenericSite } from '../../../../lib/cross-site/extractors';
import { boundSiteTrack, type SiteTrack } from '../../../../lib/cross-site/site-track';
import type { SiteId } from '../../../../lib/cross-site/sites';
import { corpusDocument, corpusEntry, READER_ENTRIES } from '../../../fixtures/sites/corpus/corpus';

type Reader = SiteId | 'generic';

function extract(reader: Reader, doc: Document, url: string): SiteTrack | null {
  const found = reader === 'generic' ? extractGenericSite(doc, new URL(url)) : EXTRACTORS[reader](doc, new URL(url));
  return found && boundSiteTrack(found);
}

/** What a corpus page is read as, at its own URL. */
function readCorpus(file: string): SiteTrack | null {
  const entry = corpusEntry(file);
  return extract(entry.reader, corpusDocument(file), entry.url);
}

describe('reading the song from real pages', () => {
  it.each<[string, SiteTrack | null]>([
    ['youtube-music-card.html', { title: 'Bohemian Rhapsody', artists: ['Queen'] }],
    [
      'youtube-vlog-music-card.html',
      { title: 'We moved to Tokyo! First week in our tiny apartment 🇯🇵', artists: ['Tokyo Lens'], titleMayNameArtist: true, durationMs: 1_122_000 },
    ],
    ['youtube-dj-set.html', { title: 'Bonobo | Boiler Room x Sónar Festival 2017', artists: ['Boiler Room'], titleMayNameArtist: true, durationMs: 3_731_000 }],
    ['youtube-live.html', { title: 'Bohemian Rhapsody (Live Aid)', artists: ['Queen'] }],
    ['youtube-topic.html', { title: 'Hello', artists: ['Adele'] }],
    ['youtube-ncs.html', { title: 'Alan Walker - Fade [NCS Release]', artists: ['NoCopyrightSounds'], titleMayNameArtist: true, durationMs: 264_000 }],
    ['youtube-mobile.html', { title: 'The Weeknd - Blinding Lights (Official Video)', artists: ['TheWeekndVEVO'], titleMayNameArtist: true }],
    ['youtube-channel.html', null],
    ['youtube-music-song.html', { title: 'Blinding Lights', artists: ['The Weeknd'] }],
    ['youtube-music-video.html', { title: 'Lady Gaga, Bruno Mars - Die With A Smile (Lyrics)', artists: ['7clouds'], titleMayNameArtist: true }],
    ['youtube-music-explore.html', null],
    ['bandcamp-track.html', { title: 'Says', artists: ['Nils Frahm'], durationMs: 499_000 }],
    ['bandcamp-compilation.html', { title: 'Kerala', artists: ['Bonobo'], durationMs: 250_000 }],
    ['bandcamp-album.html', null],
    ['lastfm-german-path.html', { title: 'Dog Days Are Over', artists: ['Florence + the Machine'] }],
    ['lastfm-japanese-path.html', { title: '夜に駆ける', artists: ['YOASOBI'] }],
    ['lastfm-artist.html', null],
    ['genius-featuring.html', { title: 'Poetic Justice (feat. Drake)', artists: ['Kendrick Lamar'] }],
    ['genius-translation.html', { title: 'BTS - Dynamite (English Translation)', artists: ['Genius English Translations'] }],
    ['genius-album.html', null],
    ['soundcloud-after-navigation.html', { title: 'Midnight City', artists: ['M83'], titleMayNameArtist: true }],
    ['soundcloud-label-upload.html', { title: 'Alan Walker - Fade [NCS Release]', artists: ['NCS'], titleMayNameArtist: true, durationMs: 264_000 }],
    ['soundcloud-mobile.html', { title: 'Strobe', artists: ['deadmau5'], titleMayNameArtist: true }],
    ['soundcloud-set.html', null],
    ['apple-music-song.html', { title: 'Blinding Lights', artists: ['The Weeknd'], durationMs: 200_000 }],
    ['apple-music-album-song.html', { title: 'Die With A Smile', artists: ['Lady Gaga', 'Bruno Mars'], durationMs: 251_000 }],
    ['apple-music-album.html', null],
    ['deezer-track.html', { title: 'Harder, Better, Faster, Stronger', artists: ['Daft Punk'], durationMs: 224_000, isrc: 'GBDUW0000059' }],
    ['deezer-version.html', { title: 'Bohemian Rhapsody (Remastered 2011)', artists: ['Queen'], durationMs: 354_000 }],
    ['deezer-episode.html', null],
    ['tidal-track.html', { title: 'Potato Salad', artists: ['Tyler, The Creator', 'A$AP Rocky'], durationMs: 213_000, isrc: 'USQX91802218' }],
    ['tidal-listen.html', { title: 'Get Lucky (feat. Pharrell Williams and Nile Rodgers)', artists: ['Daft Punk'] }],
    ['tidal-album.html', null],
    ['generic-bandcamp-custom-domain.html', { title: 'All Melody', artists: ['Nils Frahm'], durationMs: 526_000 }],
    ['generic-music-recording.html', { title: 'Happier', artists: ['Marshmello', 'Bastille'], durationMs: 214_000, isrc: 'USUG11801651' }],
    ['generic-og-song.html', { title: 'Blinding Lights', artists: ['The Weeknd'], titleMayNameArtist: true, durationMs: 200_000 }],
    ['generic-chart.html', null],
    ['generic-article.html', null],
    ['generic-album.html', null],
  ])('%s', (file, expected) => {
    expect(readCorpus(file)).toEqual(expected);
  });

  it.each<[Reader, string]>([
    ['youtube', 'https://www.youtube.com/'],
    ['youtube', 'https://www.youtube.com/results?search_query=queen'],
    ['youtube-music', 'https://music.youtube.com/explore'],
    ['bandcamp', 'https://nilsfrahm.bandcamp.com/album/spaces'],
    ['lastfm', 'https://www.last.fm/de/music/Florence+%2B+the+Machine'],
    ['genius', 'https://genius.com/artists/Adele'],
    ['soundcloud', 'https://soundcloud.com/m83/sets/hurry-up'],
    ['soundcloud', 'https://soundcloud.com/discover/sets'],
    ['apple-music', 'https://music.apple.com/us/artist/the-weeknd/479756766'],
    ['apple-music', 'https://music.apple.com/us/album/after-hours/1499378108'],
    ['deezer', 'https://www.deezer.com/us/album/302127'],
    ['tidal', 'https://tidal.com/browse/artist/3908662'],
  ])('finds no song on %s page %s', (reader, url) => {
    expect(extract(reader, corpusDocument(READER_ENTRIES[reader].file), url)).toBeNull();
  });
});

describe('what the real markup needs', () => {
  it('YouTube: the 2025 Music card agrees with the title or is not read; the old class names are read too', () => {
    const doc = corpusDocument('youtube-music-card.html');
    for (const name of doc.querySelectorAll('.ytVideoAttributeViewModelTitle')) name.className = 'yt-video-attribute-view-model__title';
    for (const name of doc.querySelectorAll('.ytVideoAttributeViewModelSubtitle')) name.className = 'yt-video-attribute-view-model__subtitle';
    expect(extract('youtube', doc, READER_ENTRIES.youtube.url)).toEqual({ title: 'Bohemian Rhapsody', artists: ['Queen'] });
    for (const name of doc.querySelectorAll('.yt-video-attribute-view-model__title')) name.textContent = "Don't Stop Me Now";
    expect(extract('youtube', doc, READER_ENTRIES.youtube.url)).toMatchObject({
      title: 'Queen – Bohemian Rhapsody (Official Video Remastered)',
      titleMayNameArtist: true,
    });
  });

  it('YouTube: a "Provided to YouTube by" block that names another song than the title is not read', () => {
    const doc = corpusDocument('youtube-topic.html');
    doc.querySelector('ytd-watch-metadata h1')!.textContent = 'Someone Like You';
    expect(extract('youtube', doc, corpusEntry('youtube-topic.html').url)).toMatchObject({ title: 'Someone Like You', artists: ['Adele - Topic'] });
  });

  it('m.youtube.com: the slim markup counts only while the player or the head shows the video in the URL', () => {
    const doc = corpusDocument('youtube-mobile.html');
    const next = 'https://m.youtube.com/watch?v=XXYlFuWEuKI';
    expect(extract('youtube', doc, next)).toBeNull();
    doc.querySelector('.ytp-cued-thumbnail-overlay-image')!.setAttribute('style', 'background-image: url("https://i.ytimg.com/vi/XXYlFuWEuKI/hqdefault.jpg");');
    doc.querySelector('.slim-video-information-title span')!.textContent = 'The Weeknd - Save Your Tears (Official Music Video)';
    expect(extract('youtube', doc, next)).toEqual({
      title: 'The Weeknd - Save Your Tears (Official Music Video)',
      artists: ['TheWeekndVEVO'],
      titleMayNameArtist: true,
    });
  });

  it('SoundCloud: the verified badge inside the username link is not part of the name', () => {
    const doc = corpusDocument('soundcloud-after-navigation.html');
    expect(doc.querySelector('.soundTitle__username')!.textContent).toBe('M83Verified');
    expect(readCorpus('soundcloud-after-navigation.html')?.artists).toEqual(['M83']);
  });

  it('SoundCloud: the hydration data and og: tags of the first page are not the song after in-app navigation', () => {
    const doc = corpusDocument('soundcloud-after-navigation.html');
    expect(extract('soundcloud', doc, 'https://soundcloud.com/m83/wait')).toEqual({
      title: 'Wait',
      artists: ['M83'],
      titleMayNameArtist: true,
      durationMs: 343_000,
      isrc: 'FR0N91100060',
    });
    doc.querySelector('.l-listen-hero')!.remove();
    expect(extract('soundcloud', doc, 'https://soundcloud.com/m83/reunion')).toBeNull();
  });

  it('Bandcamp: the artist is the "by" link, after the album link, when the JSON-LD is missing', () => {
    const doc = corpusDocument('bandcamp-track.html');
    doc.querySelector('script[type="application/ld+json"]')!.remove();
    expect(extract('bandcamp', doc, READER_ENTRIES.bandcamp.url)).toEqual({ title: 'Says', artists: ['Nils Frahm'] });
    const compilation = corpusDocument('bandcamp-compilation.html');
    compilation.querySelector('script[type="application/ld+json"]')!.remove();
    expect(extract('bandcamp', compilation, corpusEntry('bandcamp-compilation.html').url)).toEqual({ title: 'Kerala', artists: ['Bonobo'] });
  });

  it('Genius: the header is the fallback, with its Featuring credits and without its producers', () => {
    const doc = corpusDocument('genius-featuring.html');
    doc.querySelector('meta[property="og:title"]')!.remove();
    doc
      .querySelector('[class*="HeaderCredits__Container"]')!
      .insertAdjacentHTML(
        'beforeend',
        '<div class="HeaderCredits__Section-sc-ea5e7e0-1"><p>Producer</p><a href="https://genius.com/artists/Scoop-deville">Scoop DeVille</a></div>',
      );
    expect(extract('genius', doc, READER_ENTRIES.genius.url)).toEqual({ title: 'Poetic Justice (feat. Drake)', artists: ['Kendrick Lamar'] });
  });

  it('Apple Music: schema data for another song (left by in-app navigation) is not used; og:title needs apple:title', () => {
    const doc = corpusDocument('apple-music-song.html');
    expect(extract('apple-music', doc, 'https://music.apple.com/us/song/save-your-tears/1499378622')).toBeNull();
    const bare = corpusDocument('apple-music-song.html');
    bare.querySelector('script[type="application/ld+json"]')!.remove();
    expect(extract('apple-music', bare, READER_ENTRIES['apple-music'].url)).toEqual({ title: 'Blinding Lights', artists: ['The Weeknd'] });
  });

  it('Deezer: the first track’s app state is not the song after in-app navigation; the document title is', () => {
    const doc = corpusDocument('deezer-track.html');
    doc.title = 'Daft Punk - One More Time: listen with lyrics | Deezer';
    expect(extract('deezer', doc, 'https://www.deezer.com/us/track/3135553')).toEqual({ title: 'One More Time', artists: ['Daft Punk'] });
  });

  it('TIDAL: the footer player’s artists are not the page’s', () => {
    const doc = corpusDocument('tidal-listen.html');
    doc.querySelector('main a[data-test="grid-item-detail-text-title-artist"]')!.remove();
    expect(extract('tidal', doc, corpusEntry('tidal-listen.html').url)).toBeNull();
  });

  it('JSON-LD: unparseable blocks and other types are skipped; a recording for another page is not used', () => {
    const doc = corpusDocument('genius-song.html');
    doc.head.insertAdjacentHTML(
      'beforeend',
      '<script type="application/ld+json">{ not json</script><script type="application/ld+json">{"@type":"WebPage","name":"x"}</script>' +
        '<script type="application/ld+json">{"@type":"MusicRecording","name":"Digital Love","byArtist":"Daft Punk","url":"https://genius.com/Daft-punk-digital-love-lyrics"}</script>',
    );
    expect(extract('genius', doc, corpusEntry('genius-song.html').url)).toEqual({ title: 'Harder, Better, Faster, Stronger', artists: ['Daft Punk'] });
  });
});
