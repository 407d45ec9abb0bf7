import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccountController } from '../../../lib/background/account';
import { createStatusStore } from '../../../lib/background/status-store';
import { type AccountRef, appStatusItem, authNoticeSetting, clientIdSetting, libraryAccountSetting, spotifyProblemSetting } from '../../../lib/storage-items';
import { SignInError, type Auth } from '../../../lib/spotify/auth';
import { initialAppStatus, type SyncState } from '../../../lib/status';

const ACCOUNT: AccountRef = { key: 'account-1', displayName: 'Ada' };
const CLIENT_ID = '0123456789abcdef0123456789abcdef';

function fakeAuth(signIn: Auth['signIn'] = async () => ACCOUNT): Auth {
  return {
    signIn,
    signOut: async () => undefined,
    currentSession: async () => null,
    tokens: {} as Auth['tokens'],
  };
}

/** Every sync state the pages were shown, in order. */
function watchSyncStates(): SyncState[] {
  const seen: SyncState[] = [];
  appStatusItem.watch((status) => seen.push(status.sync.state));
  return seen;
}

describe('createAccountController', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await clientIdSetting.setValue(CLIENT_ID);
  });

  it('signing in again after a session ended says syncing at once, never the last session’s ready', async () => {
    await appStatusItem.setValue({
      ...initialAppStatus,
      sync: { ...initialAppStatus.sync, state: 'signed-out', lastSyncedAt: Date.parse('2026-11-27T09:00:00Z') },
    });
    await authNoticeSetting.setValue('Spotify ended the session. Sign in again.');
    const seen = watchSyncStates();

    await createAccountController(fakeAuth(), createStatusStore()).signIn();

    expect(seen).toEqual(['syncing']);
    const status = await appStatusItem.getValue();
    expect(status).toMatchObject({ signedIn: true, account: ACCOUNT, sync: { state: 'syncing', message: null } });
    expect(await authNoticeSetting.getValue()).toBeNull();
    expect(await libraryAccountSetting.getValue()).toEqual(ACCOUNT);
  });

  it('keeps the pages signed out and remembers why when signing in fails', async () => {
    const seen = watchSyncStates();
    const failing = fakeAuth(async () => {
      throw new Error('Spotify does not know this Client ID.');
    });

    await expect(createAccountController(failing, createStatusStore()).signIn()).rejects.toThrow(/Client ID/);

    expect(seen).toEqual([]);
    expect(await authNoticeSetting.getValue()).toBe('Spotify does not know this Client ID.');
    expect(await libraryAccountSetting.getValue()).toBeNull();
  });

  it.each<SignInError['problem']>(['redirect-uri', 'invalid-client', 'premium-required', 'user-not-registered'])(
    'keeps a %s refusal for the pages to explain, instead of a bare message',
    async (problem) => {
      const refused = fakeAuth(async () => {
        throw new SignInError(problem, 'Spotify said no.');
      });
      await expect(createAccountController(refused, createStatusStore()).signIn()).rejects.toThrow('Spotify said no.');
      expect(await spotifyProblemSetting.getValue()).toEqual({ problem, retryAt: null });
      expect(await authNoticeSetting.getValue()).toBeNull();
    },
  );

  it('forgets the refusal once a sign-in succeeds, and on sign-out', async () => {
    await spotifyProblemSetting.setValue({ problem: 'redirect-uri', retryAt: null });
    const accounts = createAccountController(fakeAuth(), createStatusStore());
    await accounts.signIn();
    expect(await spotifyProblemSetting.getValue()).toBeNull();
    await spotifyProblemSetting.setValue({ problem: 'premium-required', retryAt: 1 });
    await accounts.signOut();
    expect(await spotifyProblemSetting.getValue()).toBeNull();
  });

  it('keeps the refusal behind an ended session', async () => {
    await createAccountController(fakeAuth(), createStatusStore()).endSession('Client ID unknown.', 'invalid-client');
    expect(await spotifyProblemSetting.getValue()).toEqual({ problem: 'invalid-client', retryAt: null });
    expect(await authNoticeSetting.getValue()).toBe('Client ID unknown.');
  });
});
