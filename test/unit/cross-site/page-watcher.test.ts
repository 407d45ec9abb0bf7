import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Extractor } from '../../../lib/cross-site/extractors';
import type { PageTrack } from '../../../lib/cross-site/page-track';
import { watchPageTrack } from '../../../lib/cross-site/page-watcher';

/** A page whose song is the text of <h1>, at a URL the test moves like a single-page app. */
function fakePage() {
  const { document } = parseHTML('<html><body><h1>Song A</h1></body></html>');
  const location = { href: 'https://soundcloud.com/artist/a' };
  const extract: Extractor = (doc) => {
    const title = doc.querySelector('h1')?.textContent;
    return title ? { title, artists: ['Artist'] } : null;
  };
  const timers: Array<() => void> = [];
  const reports: PageTrack[] = [];
  const stop = watchPageTrack(extract, {
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

describe('following the song on a page', () => {
  it('reports at once, then on each change of song or URL, never twice the same', async () => {
    const page = fakePage();
    expect(page.reports.map((track) => track.title)).toEqual(['Song A']);
    page.document.querySelector('h1')!.setAttribute('class', 'x');
    await page.flush();
    expect(page.reports).toHaveLength(1);

    page.location.href = 'https://soundcloud.com/artist/b';
    page.document.querySelector('h1')!.textContent = 'Song B';
    await page.flush();
    expect(page.reports.map((track) => track.title)).toEqual(['Song A', 'Song B']);

    // The same page with another query is the same page: its song again is no news.
    page.location.href = 'https://soundcloud.com/artist/b?in=playlist';
    page.document.body.append(page.document.createElement('div'));
    await page.flush();
    expect(page.reports).toHaveLength(2);

    page.stop();
    page.document.querySelector('h1')!.textContent = 'Song C';
    await page.flush();
    expect(page.reports).toHaveLength(2);
  });

  it('holds back the previous page’s song on a new page until the page shows its own', async () => {
    const page = fakePage();
    // In-app navigation: the URL changes first, the header is rewritten later.
    page.location.href = 'https://soundcloud.com/artist/b';
    page.document.body.append(page.document.createElement('div'));
    await page.flush();
    expect(page.reports.map((track) => track.title)).toEqual(['Song A']);
    page.document.querySelector('h1')!.textContent = 'Song B';
    await page.flush();
    expect(page.reports.map((track) => track.title)).toEqual(['Song A', 'Song B']);
    // Back to the first page, whose song is not the one just reported: reported again.
    page.location.href = 'https://soundcloud.com/artist/a';
    page.document.querySelector('h1')!.textContent = 'Song A';
    await page.flush();
    expect(page.reports.map((track) => track.title)).toEqual(['Song A', 'Song B', 'Song A']);
  });
});
