import { describe, expect, it } from 'vitest';
import { createMessageListener, createSiteTrackListener, type RequestHandlers } from '../../../lib/messaging/server';

const RUNTIME_ID = 'ourextensionidourextensionidabcd';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const YOUTUBE = 'https://www.youtube.com/watch?v=fJ9rUzIMcZQ';
const CONTENT_SCRIPT = { id: RUNTIME_ID, url: YOUTUBE, tab: { id: 3 }, frameId: 0 };
const MESSAGE = { type: 'pageTrack', track: { title: 'Queen - Bohemian Rhapsody', artists: ['Queen Official'], titleMayNameArtist: true } };

function listener(enabled = ['www.youtube.com']) {
  const received: unknown[] = [];
  const listen = createSiteTrackListener(
    async (from, track) => void received.push({ from, track }),
    RUNTIME_ID,
    ORIGIN,
    async (url) => enabled.includes(new URL(url).hostname),
  );
  return { listen, received };
}

describe('the content scripts’ message', () => {
  it('reaches the handler from an enabled site, with the tab and URL the browser names, and answers nothing', async () => {
    const { listen, received } = listener();
    expect(await listen(MESSAGE, CONTENT_SCRIPT as never)).toBeUndefined();
    expect(received).toEqual([{ from: { tabId: 3, url: YOUTUBE }, track: MESSAGE.track }]);
  });

  it.each([
    ['a site the user did not switch on', { ...CONTENT_SCRIPT, url: 'https://genius.com/Adele-hello-lyrics' }],
    ['another extension', { ...CONTENT_SCRIPT, id: 'someoneelseextensionidabcdefghij' }],
    ['an iframe', { ...CONTENT_SCRIPT, frameId: 2 }],
    ['a sender without a tab', { id: RUNTIME_ID, url: YOUTUBE, frameId: 0 }],
    ['our own extension page', { id: RUNTIME_ID, url: `${ORIGIN}popup.html`, tab: { id: 3 }, frameId: 0 }],
    ['a plain http page', { ...CONTENT_SCRIPT, url: 'http://www.youtube.com/watch?v=x' }],
  ])('is ignored from %s', async (_, sender) => {
    const { listen, received } = listener();
    expect(await listen(MESSAGE, sender as never)).toBeUndefined();
    expect(received).toEqual([]);
  });

  it.each([
    ['a request for the extension pages', { type: 'setTrackSaved', trackId: '4uLU6hMCjMI75M1A2tKUQC', saved: true }],
    ['a token request', { type: 'readTokens' }],
    ['extra fields', { ...MESSAGE, track: { ...MESSAGE.track, tabId: 1 } }],
    ['a huge title', { ...MESSAGE, track: { ...MESSAGE.track, title: 'x'.repeat(301) } }],
    ['too many artists', { ...MESSAGE, track: { ...MESSAGE.track, artists: Array.from({ length: 11 }, (_, i) => `A${i}`) } }],
    ['no artist', { ...MESSAGE, track: { ...MESSAGE.track, artists: [] } }],
    ['a bad ISRC', { ...MESSAGE, track: { ...MESSAGE.track, isrc: '<script>' } }],
    ['a negative duration', { ...MESSAGE, track: { ...MESSAGE.track, durationMs: -1 } }],
  ])('refuses %s without running anything', async (_, message) => {
    const { listen, received } = listener();
    expect(await listen(message, CONTENT_SCRIPT as never)).toBeUndefined();
    expect(received).toEqual([]);
  });

  it('cannot reach the extension pages’ requests: the page listener ignores content scripts', () => {
    const ran: string[] = [];
    const handlers = new Proxy({}, { get: (_, type: string) => async () => void ran.push(type) }) as RequestHandlers;
    const pages = createMessageListener(handlers, RUNTIME_ID, ORIGIN);
    expect(pages({ type: 'getPageMatch', tabId: 3 }, CONTENT_SCRIPT as never)).toBeUndefined();
    expect(pages({ type: 'setTrackSaved', trackId: '4uLU6hMCjMI75M1A2tKUQC', saved: false }, CONTENT_SCRIPT as never)).toBeUndefined();
    expect(ran).toEqual([]);
  });
});
