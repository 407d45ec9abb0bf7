import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Extractor } from '../../../lib/matching/extractors';
import type { PageTrack } from '../../../lib/matching/page-track';
import { watchPageTrack } from '../../../lib/matching/page-watcher';

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

    // Another page with the same song is reported again: the background keys matches by page.
    page.location.href = 'https://soundcloud.com/artist/b-again';
    page.document.body.append(page.document.createElement('div'));
    await page.flush();
    expect(page.reports).toHaveLength(3);

    page.stop();
    page.document.querySelector('h1')!.textContent = 'Song C';
    await page.flush();
    expect(page.reports).toHaveLength(3);
  });
});
