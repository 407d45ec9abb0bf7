import { t } from '../lib/i18n';
import { CopyableValue } from './CopyableValue';
import { Rich } from './Rich';

/**
 * How to connect a Spotify app in development mode, by the 2026 rules: the owner needs
 * Premium, a developer account holds one development-mode Client ID (so an existing app is
 * reused by adding the redirect URI), and an app serves 5 users added by e-mail.
 */
export function SetupSteps({ redirectUri }: { redirectUri: string }) {
  const dashboard = (
    <a href="https://developer.spotify.com/dashboard" target="_blank" rel="noreferrer">
      Spotify Developer Dashboard
    </a>
  );
  return (
    <ol class="setup-steps">
      <li>
        <Rich text={t('setup.step1')} parts={{ dashboard }} />
      </li>
      <li>
        <Rich text={t('setup.step2')} />
      </li>
      <li>
        <Rich text={t('setup.step3')} />
        <CopyableValue value={redirectUri} label={t('setup.redirectUriLabel')} valueProps={{ 'data-redirect-uri': redirectUri }} />
      </li>
      <li>
        <Rich text={t('setup.step4')} />
      </li>
      <li>
        <Rich text={t('setup.step5')} />
      </li>
      <li>
        <Rich text={t('setup.step6')} />
      </li>
    </ol>
  );
}
