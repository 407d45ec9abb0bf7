import { describe, expect, it } from 'vitest';
import { createMessageListener, type RequestHandlers } from '../../../lib/messaging/server';

const RUNTIME_ID = 'ourextensionidourextensionidabcd';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

/** Handlers that record which ran. */
function recordingHandlers(calls: string[]): RequestHandlers {
  const record =
    <T>(type: string, value: T) =>
    async () => {
      calls.push(type);
      return value;
    };
  return {
    signIn: record('signIn', { key: 'k', displayName: 'Ada' }),
    signOut: record('signOut', null),
    syncNow: record('syncNow', null),
    popupOpened: record('popupOpened', null),
    deleteLocalData: record('deleteLocalData', null),
    getTabTrack: record('getTabTrack', null),
    setTrackSaved: record('setTrackSaved', { kind: 'saved' as const }),
    getPageMatch: record('getPageMatch', null),
    rejectPageMatch: record('rejectPageMatch', null),
    checkImport: record('checkImport', []),
    restoreFromFile: record('restoreFromFile', null as never),
    restoreRemoved: record('restoreRemoved', null as never),
    pauseRestore: record('pauseRestore', null),
    resumeRestore: record('resumeRestore', null),
    cancelRestore: record('cancelRestore', null),
    dismissRestore: record('dismissRestore', null),
    getRestoreStatus: record('getRestoreStatus', null),
  };
}

function listenerWith(calls: string[]) {
  return createMessageListener(recordingHandlers(calls), RUNTIME_ID, ORIGIN);
}

describe('the background message listener', () => {
  it('answers its own extension pages', async () => {
    const calls: string[] = [];
    const reply = await listenerWith(calls)({ type: 'signOut' }, { id: RUNTIME_ID, url: `${ORIGIN}popup.html` });
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['signOut']);
  });

  it.each([
    ['another extension', { id: 'someoneelseextensionidabcdefghij', url: 'chrome-extension://someoneelse/popup.html' }],
    ['a content script in a web page', { id: RUNTIME_ID, url: 'https://open.spotify.com/track/x', tab: { id: 3 } }],
    ['a web page posing with our id', { id: RUNTIME_ID, url: `https://evil.example/${ORIGIN}` }],
    ['a sender without a URL', { id: RUNTIME_ID }],
  ])('gives %s no reply and runs nothing', async (_, sender) => {
    const calls: string[] = [];
    expect(listenerWith(calls)({ type: 'signOut' }, sender as never)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it.each([
    ['an unknown type', { type: 'readTokens' }],
    ['extra fields', { type: 'signOut', force: true }],
    ['no object at all', 'signOut'],
    ['a malformed track id', { type: 'setTrackSaved', trackId: '../../me', saved: true }],
    ['a saved flag that is not a boolean', { type: 'setTrackSaved', trackId: '4uLU6hMCjMI75M1A2tKUQC', saved: 'yes' }],
    ['a negative tab id', { type: 'getTabTrack', tabId: -1 }],
    ['an album to restore', { type: 'restoreRemoved', uris: ['spotify:album:4aawyAB9vmqN3uQ7FjRGTy'] }],
    ['nothing to restore', { type: 'restoreRemoved', uris: [] }],
    ['a local file to check', { type: 'checkImport', uris: ['spotify:local:Me:x:y:1'] }],
    [
      'a restored track without a save time',
      { type: 'restoreFromFile', fileName: 'liked.csv', tracks: [{ uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', label: 'x', addedAt: 'yesterday' }] },
    ],
    ['more tracks than a library holds', { type: 'checkImport', uris: Array.from({ length: 100_001 }, () => 'spotify:track:4uLU6hMCjMI75M1A2tKUQC') }],
    ['null', null],
  ])('refuses %s without running anything', async (_, message) => {
    const calls: string[] = [];
    const reply = await listenerWith(calls)(message, { id: RUNTIME_ID, url: `${ORIGIN}popup.html` });
    expect(reply).toEqual({ ok: false, error: 'Malformed request.' });
    expect(calls).toEqual([]);
  });

  it('passes a handler’s failure back as a message', async () => {
    const listener = createMessageListener(
      {
        ...recordingHandlers([]),
        signIn: async () => {
          throw new Error('Add your Spotify Client ID in Options first.');
        },
      },
      RUNTIME_ID,
      ORIGIN,
    );
    expect(await listener({ type: 'signIn' }, { id: RUNTIME_ID, url: `${ORIGIN}popup.html` })).toEqual({
      ok: false,
      error: 'Add your Spotify Client ID in Options first.',
    });
  });
});
