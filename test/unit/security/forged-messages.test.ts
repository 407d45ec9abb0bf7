/**
 * SPEC §9: the background answers only its own extension's pages, and validates every message.
 * Forged senders × every request (valid ones included) get no reply and run nothing; the
 * extension's own pages get `{ ok: false }` for any payload that fails the schema, and nothing
 * runs. (test/unit/messaging/server.test.ts has the basic cases; these are the attacker's.)
 */
import { describe, expect, it } from 'vitest';
import { createMessageListener, type RequestHandlers } from '../../../lib/messaging/server';

const RUNTIME_ID = 'ourextensionidourextensionidabcd';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const TRACK_ID = '4uLU6hMCjMI75M1A2tKUQC';

/** Handlers for every request type there is (or will be), each recording that it ran. */
function recordingHandlers(ran: string[]): RequestHandlers {
  return new Proxy({} as RequestHandlers, {
    get: (_target, type) => async () => {
      ran.push(String(type));
      return null;
    },
  });
}

/** Requests a page may legitimately send: forged senders must not get even these through. */
const VALID_REQUESTS: unknown[] = [
  { type: 'signIn' },
  { type: 'signOut' },
  { type: 'syncNow' },
  { type: 'popupOpened' },
  { type: 'deleteLocalData' },
  { type: 'getTabTrack', tabId: 1 },
  { type: 'setTrackSaved', trackId: TRACK_ID, saved: true },
  { type: 'setTrackSaved', trackId: TRACK_ID, saved: false },
  { type: 'checkImport', uris: [`spotify:track:${TRACK_ID}`] },
  { type: 'restoreFromFile', fileName: 'liked.csv', tracks: [{ uri: `spotify:track:${TRACK_ID}`, label: 'x', addedAt: '2026-01-01T00:00:00Z' }] },
  { type: 'restoreRemoved', uris: [`spotify:track:${TRACK_ID}`] },
  { type: 'pauseRestore' },
  { type: 'resumeRestore' },
  { type: 'cancelRestore' },
  { type: 'dismissRestore' },
  { type: 'getRestoreStatus' },
];

type Sender = Parameters<ReturnType<typeof createMessageListener>>[1];

const FORGED_SENDERS: Array<[string, Sender]> = [
  [
    'a content script on open.spotify.com (our id, a tab, a web URL)',
    { id: RUNTIME_ID, url: 'https://open.spotify.com/track/x', tab: { id: 4 } as never, frameId: 0 },
  ],
  ['a content script in an iframe of a web page', { id: RUNTIME_ID, url: 'https://evil.example/frame', tab: { id: 4 } as never, frameId: 3 }],
  ['another extension’s page', { id: 'someoneelseextensionidabcdefghij', url: 'chrome-extension://someoneelseextensionidabcdefghij/popup.html' }],
  [
    'another extension with our page in its path',
    { id: 'someoneelseextensionidabcdefghij', url: `chrome-extension://someoneelseextensionidabcdefghij/${ORIGIN}` },
  ],
  ['a lookalike extension origin', { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}evil/popup.html` }],
  ['a web page (no extension id)', { url: 'https://evil.example/' }],
  ['a web page claiming our id', { id: RUNTIME_ID, url: `https://evil.example/?${ORIGIN}` }],
  ['an about:blank frame', { id: RUNTIME_ID, url: 'about:blank', tab: { id: 4 } as never }],
  ['a data: URL frame', { id: RUNTIME_ID, url: `data:text/html,${ORIGIN}` }],
  ['a sender without a URL', { id: RUNTIME_ID }],
  ['nobody at all', {}],
];

describe('forged senders get no reply and run nothing', () => {
  it.each(FORGED_SENDERS)('%s', async (_name, sender) => {
    const ran: string[] = [];
    const listener = createMessageListener(recordingHandlers(ran), RUNTIME_ID, ORIGIN);
    for (const request of VALID_REQUESTS) expect(listener(request, sender), JSON.stringify(request)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual([]);
  });
});

describe('an extension page’s payload that fails validation is refused, and nothing runs', () => {
  const OWN_PAGE: Sender = { id: RUNTIME_ID, url: `${ORIGIN}popup.html` };
  it.each<[string, unknown]>([
    ['a `__proto__` key (as JSON.parse makes it)', JSON.parse('{"type":"signOut","__proto__":{"isAdmin":true}}')],
    ['a `constructor` key', { type: 'syncNow', constructor: { prototype: { polluted: true } } }],
    ['an extra field on a valid request', { type: 'setTrackSaved', trackId: TRACK_ID, saved: true, uris: 'spotify:track:x,spotify:track:y' }],
    ['a request that reads tokens', { type: 'getSession' }],
    ['a type in another case', { type: 'SetTrackSaved', trackId: TRACK_ID, saved: true }],
    ['a type that is not a string', { type: ['signOut'] }],
    ['an id that is a path', { type: 'setTrackSaved', trackId: '../../../me/library', saved: true }],
    ['an id with a query string', { type: 'setTrackSaved', trackId: `${TRACK_ID}&uris=x`, saved: true }],
    ['a spotify: URI instead of an id', { type: 'setTrackSaved', trackId: `spotify:track:${TRACK_ID}`, saved: true }],
    ['an id of full-width characters', { type: 'setTrackSaved', trackId: '４uLU6hMCjMI75M1A2tKUQC', saved: true }],
    ['an id with a trailing newline', { type: 'setTrackSaved', trackId: `${TRACK_ID}\n`, saved: true }],
    ['an id of 100,000 characters', { type: 'setTrackSaved', trackId: 'a'.repeat(100_000), saved: true }],
    ['saved as a string', { type: 'setTrackSaved', trackId: TRACK_ID, saved: 'false' }],
    ['saved missing', { type: 'setTrackSaved', trackId: TRACK_ID }],
    ['a tab id of Infinity', { type: 'getTabTrack', tabId: Infinity }],
    ['a tab id of NaN', { type: 'getTabTrack', tabId: Number.NaN }],
    ['a fractional tab id', { type: 'getTabTrack', tabId: 1.5 }],
    ['a tab id as a string', { type: 'getTabTrack', tabId: '1' }],
    ['a restore URI with a query string', { type: 'restoreRemoved', uris: [`spotify:track:${TRACK_ID}&x=1`] }],
    [
      'a restore label of 100,000 characters',
      { type: 'restoreFromFile', fileName: 'x', tracks: [{ uri: `spotify:track:${TRACK_ID}`, label: 'a'.repeat(100_000), addedAt: '2026-01-01T00:00:00Z' }] },
    ],
    [
      'a restore with an extra field',
      { type: 'restoreFromFile', fileName: 'x', tracks: [{ uri: `spotify:track:${TRACK_ID}`, label: 'x', addedAt: '2026-01-01T00:00:00Z', id: 1 }] },
    ],
    ['a pause with a payload', { type: 'pauseRestore', jobId: 'x' }],
    ['an array of requests', [{ type: 'signOut' }]],
    ['a bare string', 'signOut'],
    ['undefined', undefined],
  ])('%s', async (_name, message) => {
    const ran: string[] = [];
    const listener = createMessageListener(recordingHandlers(ran), RUNTIME_ID, ORIGIN);
    expect(await listener(message, OWN_PAGE)).toEqual({ ok: false, error: 'Malformed request.' });
    expect(ran).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('passes a valid request from its own page, so the refusals above are not a listener that refuses all', async () => {
    const ran: string[] = [];
    const listener = createMessageListener(recordingHandlers(ran), RUNTIME_ID, ORIGIN);
    expect(await listener({ type: 'setTrackSaved', trackId: TRACK_ID, saved: true }, OWN_PAGE)).toEqual({ ok: true, value: null });
    expect(ran).toEqual(['setTrackSaved']);
  });
});
