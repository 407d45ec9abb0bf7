import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Extractor } from '../../../lib/cross-site/extractors';
import type { SiteTrack } from '../../../lib/cross-site/site-track';
import { watchTab } from '../../../lib/cross-site/tab-watcher';

/** A tab whose song is the text of <h1>, at a URL the test moves like a single-page app. */
function fakeTab() {
  const { document } = parseHTML('<html><body><h1>Song A</h1></body></html>');
  const location = { href: 'https://soundcloud.com/artist/a' };
  const extract: Extractor = (doc) => {
    const title = doc.querySelector('h1')?.textContent;
    return title ? { title, artists: ['Artist'] } : null;
  };
  const timers: Array<() => void> = [];
  const reports: SiteTrack[] = [];
  const stop = watchTab(extract, {
    document: document as unknown as Document,
    location,
    report: (track) => reports.push(track),
    setTimeout: (callback) => timers.push(callback),
  });
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (timers.length) timers.shift()!();
  };
  return { document, location, reports, flush, stop };
}

describe('following the song in a tab', () => {
  it('reports at once, then on each change of song or URL, never twice the same', async () => {
    const tab = fakeTab();
    expect(tab.reports.map((track) => track.title)).toEqual(['Song A']);
    tab.document.querySelector('h1')!.setAttribute('class', 'x');
    await tab.flush();
    expect(tab.reports).toHaveLength(1);

    tab.location.href = 'https://soundcloud.com/artist/b';
    tab.document.querySelector('h1')!.textContent = 'Song B';
    await tab.flush();
    expect(tab.reports.map((track) => track.title)).toEqual(['Song A', 'Song B']);

    // The same song URL with another query: its song again is no news.
    tab.location.href = 'https://soundcloud.com/artist/b?in=playlist';
    tab.document.body.append(tab.document.createElement('div'));
    await tab.flush();
    expect(tab.reports).toHaveLength(2);

    tab.stop();
    tab.document.querySelector('h1')!.textContent = 'Song C';
    await tab.flush();
    expect(tab.reports).toHaveLength(2);
  });

  it('holds back the previous song at a new song URL until the tab shows its own', async () => {
    const tab = fakeTab();
    // In-app navigation: the URL changes first, the header is rewritten later.
    tab.location.href = 'https://soundcloud.com/artist/b';
    tab.document.body.append(tab.document.createElement('div'));
    await tab.flush();
    expect(tab.reports.map((track) => track.title)).toEqual(['Song A']);
    tab.document.querySelector('h1')!.textContent = 'Song B';
    await tab.flush();
    expect(tab.reports.map((track) => track.title)).toEqual(['Song A', 'Song B']);
    // Back to the first song URL, whose song is not the one just reported: reported again.
    tab.location.href = 'https://soundcloud.com/artist/a';
    tab.document.querySelector('h1')!.textContent = 'Song A';
    await tab.flush();
    expect(tab.reports.map((track) => track.title)).toEqual(['Song A', 'Song B', 'Song A']);
  });
});
