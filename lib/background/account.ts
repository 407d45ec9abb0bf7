import { isValidClientId, spotifyConfig } from '../config';
import { authNoticeSetting, clientIdSetting, libraryAccountSetting, type AccountRef } from '../settings';
import type { Auth } from '../spotify/auth';
import type { StatusStore } from './status-store';

/** Signing in and out, and what the pages are told about it. */
export interface AccountController {
  /** Signing in always starts a sync: the pages are told 'syncing' with 'signed in'. */
  signIn(): Promise<AccountRef>;
  signOut(): Promise<void>;
  /** The refresh token stopped working: signed out, with a message; the cached library stays. */
  endSession(message: string): Promise<void>;
  /** Rebuild the status after the browser or the service worker starts. */
  restore(): Promise<void>;
}

export async function effectiveClientId(): Promise<string> {
  return (await clientIdSetting.getValue()) || spotifyConfig.defaultClientId;
}

export function createAccountController(auth: Auth, status: StatusStore): AccountController {
  async function markSignedOut(): Promise<void> {
    const account = await libraryAccountSetting.getValue();
    await status.update((current) => ({
      ...current,
      signedIn: false,
      account,
      sync: { ...current.sync, state: 'signed-out', progress: null, resumeAt: null },
    }));
  }

  return {
    async signIn() {
      const clientId = await effectiveClientId();
      if (!isValidClientId(clientId)) {
        throw new Error('Add your Spotify Client ID in Options first.');
      }
      let account: AccountRef;
      try {
        account = await auth.signIn(clientId);
      } catch (error) {
        await authNoticeSetting.setValue(error instanceof Error ? error.message : String(error));
        throw error;
      }
      await authNoticeSetting.setValue(null);
      await libraryAccountSetting.setValue(account);
      // One update: a page must never read the last session's 'ready' as this account's
      // library being up to date.
      await status.update((current) => ({
        ...current,
        signedIn: true,
        account,
        sync: { ...current.sync, state: 'syncing', progress: null, message: null, resumeAt: null },
      }));
      return account;
    },
    async signOut() {
      await auth.signOut();
      await authNoticeSetting.setValue(null);
      await markSignedOut();
    },
    async endSession(message) {
      await auth.signOut();
      await authNoticeSetting.setValue(message);
      await markSignedOut();
    },
    async restore() {
      const session = await auth.currentSession();
      if (!session) return markSignedOut();
      await status.update((current) => ({
        ...current,
        signedIn: true,
        account: session.account,
        sync: current.sync.state === 'signed-out' ? { ...current.sync, state: 'never' } : current.sync,
      }));
    },
  };
}
