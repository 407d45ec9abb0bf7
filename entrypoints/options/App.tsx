import { browser } from 'wxt/browser';
import { AccountBar } from '../../components/AccountBar';
import { ClientIdForm } from '../../components/ClientIdForm';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { LocalDataSection } from '../../components/LocalDataSection';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SetupSteps } from '../../components/SetupSteps';
import { SiteSettings } from '../../components/cross-site/SiteSettings';
import { SyncSettings } from '../../components/SyncSettings';
import { spotifyConfig } from '../../lib/config';
import { t } from '../../lib/i18n';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import { appStatusItem, clientIdSetting, openTracksInSetting, spotifyProblemSetting, syncIntervalSetting } from '../../lib/storage-items';

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const clientId = useStorageItem(clientIdSetting);
  const status = useStorageItem(appStatusItem);
  const syncInterval = useStorageItem(syncIntervalSetting);
  const openTracksIn = useStorageItem(openTracksInSetting);
  const problem = useStorageItem(spotifyProblemSetting);
  const redirectUri = browser.identity.getRedirectURL();

  return (
    <main class="options">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('options.title')}</h1>
        <a href="/library.html">{t('options.openLibrary')}</a>
        {status?.signedIn && status.account && <AccountBar displayName={status.account.displayName} onSignOut={() => void send({ type: 'signOut' })} />}
      </header>

      {problem && <ProblemNotice problem={problem.problem} redirectUri={redirectUri} signedIn={status?.signedIn ?? false} />}

      <section aria-labelledby="setup-title">
        <h2 id="setup-title">{t('options.setupTitle')}</h2>
        <p class="muted">{t('options.setupIntro')}</p>
        <SetupSteps redirectUri={redirectUri} />
        {clientId !== undefined && (
          <ClientIdForm saved={clientId} buildDefault={spotifyConfig.defaultClientId} onSave={(value) => clientIdSetting.setValue(value)} />
        )}
      </section>

      {syncInterval !== undefined && openTracksIn !== undefined && (
        <section aria-labelledby="sync-title">
          <h2 id="sync-title">{t('options.syncTitle')}</h2>
          <SyncSettings
            intervalMinutes={syncInterval}
            onIntervalChange={(minutes) => void syncIntervalSetting.setValue(minutes)}
            openTracksIn={openTracksIn}
            onOpenTracksInChange={(where) => void openTracksInSetting.setValue(where)}
          />
        </section>
      )}

      {status !== undefined && (
        <section aria-labelledby="local-data-title">
          <h2 id="local-data-title">{t('options.localDataTitle')}</h2>
          <LocalDataSection
            accountName={status.account?.displayName ?? null}
            onDelete={async () => {
              await send({ type: 'deleteLocalData' });
            }}
          />
        </section>
      )}

      <SiteSettings />
    </main>
  );
}
