import { t } from '../i18n';
import { isValidClientId, spotifyConfig } from '../config';
import { authNoticeSetting, clientIdSetting, libraryAccountSetting, type AccountRef } from '../storage-items';
import { SignInError, type Auth } from '../spotify/auth';
import type { SpotifyProblem } from '../spotify/errors';
import { storedProblems, type ProblemStore } from './problem-store';
import type { StatusStore } from './status-store';

/** Signing in and out, and what the pages are told about it. */
export interface AccountController {
  /** Signing in always starts a sync: the pages are told 'syncing' with 'signed in'. */
  signIn(): Promise<AccountRef>;
  signOut(): Promise<void>;
  /**
   * The refresh token stopped working: signed out, with a message; the cached library stays.
   * `problem`: a refusal the user must fix before signing in again (an unknown Client ID).
   */
  endSession(message: string, problem?: SpotifyProblem): Promise<void>;
  /** Rebuild the status after the browser or the service worker starts. */
  restore(): Promise<void>;
}

export async function effectiveClientId(): Promise<string> {
  return (await clientIdSetting.getValue()) || spotifyConfig.defaultClientId;
}

export function createAccountController(auth: Auth, status: StatusStore, problems: ProblemStore = storedProblems): AccountController {
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
        throw new Error(t('errors.addClientId'));
      }
      let account: AccountRef;
      try {
        account = await auth.signIn(clientId);
      } catch (error) {
        // A refusal the user must fix is explained by the pages' [data-problem], not a bare message.
        const problem = error instanceof SignInError ? spotifyProblemOf(error) : null;
        if (problem) await problems.report(problem, null);
        await authNoticeSetting.setValue(problem ? null : error instanceof Error ? error.message : String(error));
        throw error;
      }
      await problems.clear();
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
      await problems.clear();
      await markSignedOut();
    },
    async endSession(message, problem) {
      if (problem) await problems.report(problem, null);
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

function spotifyProblemOf(error: SignInError): SpotifyProblem | null {
  switch (error.problem) {
    case 'premium-required':
    case 'user-not-registered':
    case 'invalid-client':
    case 'redirect-uri':
      return error.problem;
    default:
      return null;
  }
}
