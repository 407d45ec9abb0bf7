import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';
import type { SpotifyProblem } from '../lib/spotify/errors';
import { CopyableValue } from './CopyableValue';
import { Rich } from './Rich';

const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';

interface ProblemNoticeProps {
  problem: SpotifyProblem;
  /** The redirect URI to register, as Options shows it. */
  redirectUri: string;
  /** Signed in: the next step is "Sync now"; signed out, signing in again. */
  signedIn: boolean;
  /** In the popup, where the Client ID cannot be edited: a button to Options. */
  onOpenOptions?: () => void;
}

/**
 * A development-mode refusal (SPEC §3, §6 `[data-problem]`) and what fixes it, in words a
 * new user can follow: the popup and Options show the same.
 */
export function ProblemNotice({ problem, redirectUri, signedIn, onOpenOptions }: ProblemNoticeProps) {
  // The dashboard's name stays as Spotify writes it: the user looks for those words on its page.
  const parts = {
    dashboard: (
      <a href={DASHBOARD_URL} target="_blank" rel="noreferrer">
        Spotify Developer Dashboard
      </a>
    ),
    retry: <Rich text={signedIn ? t('problem.thenSyncNow') : t('problem.thenSignIn')} />,
  };

  switch (problem) {
    case 'premium-required':
      return (
        <Notice problem={problem} title={t('problem.premium.title')}>
          <p>
            <Rich text={t('problem.premium.why')} parts={parts} />
          </p>
          <p>
            <Rich text={t('problem.premium.fix')} parts={parts} />
          </p>
        </Notice>
      );
    case 'user-not-registered':
      return (
        <Notice problem={problem} title={t('problem.userNotRegistered.title')}>
          <p>
            <Rich text={t('problem.userNotRegistered.fix')} parts={parts} />
          </p>
        </Notice>
      );
    case 'invalid-client':
      return (
        <Notice problem={problem} title={t('problem.invalidClient.title')}>
          <p>
            <Rich text={onOpenOptions ? t('problem.invalidClient.fixInOptions') : t('problem.invalidClient.fixBelow')} parts={parts} />
          </p>
          {onOpenOptions && (
            <button type="button" onClick={onOpenOptions}>
              {t('problem.openOptions')}
            </button>
          )}
        </Notice>
      );
    case 'redirect-uri':
      return (
        <Notice problem={problem} title={t('problem.redirectUri.title')}>
          <p>
            <Rich text={t('problem.redirectUri.fix')} parts={parts} />
          </p>
          <CopyableValue value={redirectUri} label={t('setup.redirectUriLabel')} />
          <p>{t('problem.thenSignIn')}</p>
        </Notice>
      );
  }
}

function Notice({ problem, title, children }: { problem: SpotifyProblem; title: string; children: ComponentChildren }) {
  return (
    <section class="problem-notice" data-problem={problem} role="alert" aria-labelledby={`problem-${problem}`}>
      <h2 id={`problem-${problem}`}>{title}</h2>
      {children}
    </section>
  );
}
