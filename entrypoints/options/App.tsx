import { browser } from 'wxt/browser';
import { AccountBar } from '../../components/AccountBar';
import { ClientIdForm } from '../../components/ClientIdForm';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { SetupSteps } from '../../components/SetupSteps';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import { clientIdSetting } from '../../lib/settings';
import { appStatusItem } from '../../lib/status';

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const clientId = useStorageItem(clientIdSetting);
  const status = useStorageItem(appStatusItem);
  const redirectUri = browser.identity.getRedirectURL();

  return (
    <main class="options">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>Tracklight options</h1>
        {status?.signedIn && status.account && (
          <AccountBar displayName={status.account.displayName} onSignOut={() => void send({ type: 'signOut' })} />
        )}
      </header>

      <section aria-labelledby="setup-title">
        <h2 id="setup-title">Connect your own Spotify app</h2>
        <p class="muted">
          Spotify lets each app in development mode serve 5 users, so Tracklight works with an app of your own.
        </p>
        <SetupSteps redirectUri={redirectUri} />
        {clientId !== undefined && <ClientIdForm saved={clientId} onSave={(value) => clientIdSetting.setValue(value)} />}
      </section>
    </main>
  );
}
