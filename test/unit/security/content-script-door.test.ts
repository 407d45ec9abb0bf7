/**
 * SPEC §9: content scripts can neither read tokens nor trigger Save/Remove. The cross-site
 * content script runs inside web pages, so anything it may send, a hostile page could make it
 * send (or forge from a compromised renderer). The background has two listeners on
 * `runtime.onMessage`: the request listener (extension pages only) and the site-track
 * listener (the content script's one message). A content script's forged requests must get
 * nothing from either, and the one message it may send must be taken only as described.
 */
import { describe, expect, it } from 'vitest';
import { createMessageListener, createSiteTrackListener, type SiteTrackSender, type RequestHandlers } from '../../../lib/messaging/server';

const RUNTIME_ID = 'ourextensionidourextensionidabcd';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const TRACK_ID = '4uLU6hMCjMI75M1A2tKUQC';
const ENABLED_PAGE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

type Sender = Parameters<ReturnType<typeof createMessageListener>>[1];
const contentScript = (url: string, frameId = 0, tabId = 9): Sender => ({ id: RUNTIME_ID, url, frameId, tab: { id: tabId } as never });

/** Both listeners as the background installs them, recording what ran. */
function background() {
  const ran: string[] = [];
  const pageTracks: Array<{ from: SiteTrackSender; title: string }> = [];
  const handlers = new Proxy({} as RequestHandlers, {
    get: (_target, type) => async () => {
      ran.push(String(type));
      return { accessToken: 'must never leave' };
    },
  });
  const requests = createMessageListener(handlers, RUNTIME_ID, ORIGIN);
  const pageTrack = createSiteTrackListener(
    async (from, track) => {
      pageTracks.push({ from, title: track.title });
    },
    RUNTIME_ID,
    ORIGIN,
    async (url) => url.startsWith('https://www.youtube.com/'),
  );
  /** What the sender would get back: the first listener that answers, as `runtime.onMessage` does. */
  async function send(message: unknown, sender: Sender): Promise<unknown> {
    const answers = [requests(message, sender), pageTrack(message, sender)].filter((answer) => answer !== undefined);
    return answers.length === 0 ? undefined : await answers[0];
  }
  return { ran, pageTracks, send };
}

const song = { title: 'Never Gonna Give You Up', artists: ['Rick Astley'] };

describe('a content script (or a page that drives it)', () => {
  it.each<[string, unknown]>([
    ['Save', { type: 'setTrackSaved', trackId: TRACK_ID, saved: true }],
    ['Remove', { type: 'setTrackSaved', trackId: TRACK_ID, saved: false }],
    ['sign out', { type: 'signOut' }],
    ['delete the local library', { type: 'deleteLocalData' }],
    ['read another tab’s track', { type: 'getTabTrack', tabId: 1 }],
    ['a token request', { type: 'getSession' }],
    // biome-ignore lint/suspicious/noThenProperty: a hostile message may well be a thenable: it must be refused, not awaited
    ['a page track with a Save smuggled in', { type: 'pageTrack', track: song, then: { type: 'setTrackSaved', trackId: TRACK_ID, saved: true } }],
  ])('cannot %s: no reply, nothing runs', async (_name, message) => {
    const { ran, pageTracks, send } = background();
    expect(await send(message, contentScript(ENABLED_PAGE))).toBeUndefined();
    expect(ran).toEqual([]);
    expect(pageTracks).toEqual([]);
  });

  it.each<[string, unknown, Sender]>([
    ['from a site the user did not switch on', { type: 'pageTrack', track: song }, contentScript('https://evil.example/watch')],
    ['from an iframe inside a switched-on site', { type: 'pageTrack', track: song }, contentScript(ENABLED_PAGE, 2)],
    ['from plain http', { type: 'pageTrack', track: song }, contentScript('http://www.youtube.com/watch?v=x')],
    [
      'from another extension',
      { type: 'pageTrack', track: song },
      { id: 'someoneelseextensionidabcdefghij', url: ENABLED_PAGE, frameId: 0, tab: { id: 9 } as never },
    ],
    ['with a 100,000-character title', { type: 'pageTrack', track: { ...song, title: 'x'.repeat(100_000) } }, contentScript(ENABLED_PAGE)],
    [
      'with 1,000 artists',
      { type: 'pageTrack', track: { ...song, artists: Array.from({ length: 1000 }, (_, index) => `a${index}`) } },
      contentScript(ENABLED_PAGE),
    ],
    ['with an extra field', { type: 'pageTrack', track: { ...song, uri: 'spotify:track:x' } }, contentScript(ENABLED_PAGE)],
  ])('has its page track ignored when it comes %s', async (_name, message, sender) => {
    const { ran, pageTracks, send } = background();
    expect(await send(message, sender)).toBeUndefined();
    expect(pageTracks).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('has a well-formed page track from a switched-on site taken, and gets nothing back', async () => {
    const { ran, pageTracks, send } = background();
    expect(await send({ type: 'pageTrack', track: song }, contentScript(ENABLED_PAGE))).toBeUndefined();
    expect(pageTracks).toEqual([{ from: { tabId: 9, url: ENABLED_PAGE }, title: song.title }]);
    expect(ran).toEqual([]);
  });
});
