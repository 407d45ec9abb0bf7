import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountBar } from '../../components/AccountBar';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { SignInPanel } from '../../components/SignInPanel';
import { isValidClientId, spotifyConfig } from '../../lib/config';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import { authNoticeSetting, clientIdSetting } from '../../lib/settings';
import { appStatusItem } from '../../lib/status';

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const status = useStorageItem(appStatusItem);
  const notice = useStorageItem(authNoticeSetting);
  const clientId = useStorageItem(clientIdSetting);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status === undefined || clientId === undefined) return null;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const clientIdMissing = !isValidClientId(clientId || spotifyConfig.defaultClientId);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Tracklight</h1>
        {status.signedIn && status.account && (
          <AccountBar displayName={status.account.displayName} onSignOut={() => run(() => send({ type: 'signOut' }))} />
        )}
      </header>
      <p class="sync-line muted" data-sync-state={status.sync.state}>
        {status.signedIn ? 'Signed in to Spotify' : 'Not signed in'}
      </p>
      {!status.signedIn && (
        <SignInPanel
          clientIdMissing={clientIdMissing}
          busy={busy}
          notice={error ?? notice ?? null}
          onSignIn={() => run(() => send({ type: 'signIn' }))}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
      )}
      <footer class="popup-footer">
        <a href="/options.html" target="_blank">
          Options
        </a>
      </footer>
    </main>
  );
}
