import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountBar } from '../../components/AccountBar';
import { useCurrentTabTrack } from '../../components/hooks/use-current-tab-track';
import { useLibraryDb } from '../../components/hooks/use-library-db';
import { useNow } from '../../components/hooks/use-now';
import { useOnline } from '../../components/hooks/use-online';
import { usePopupLibrary } from '../../components/hooks/use-popup-library';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { TabMatchLine } from '../../components/cross-site/TabMatchLine';
import { SiteOfferLine } from '../../components/cross-site/SiteOfferLine';
import { useSiteOffer } from '../../components/cross-site/use-site-offer';
import { useCurrentTabId } from '../../components/hooks/use-current-tab-id';
import { CurrentTrackCard } from '../../components/popup/CurrentTrackCard';
import { PopupFooter } from '../../components/popup/PopupFooter';
import { SearchPanel } from '../../components/popup/SearchPanel';
import { SyncStatus } from '../../components/popup/SyncStatus';
import { startTrackChunksWorker } from './start-track-chunks-worker';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SignInPanel } from '../../components/SignInPanel';
import { UnavailableLibraryNotice } from '../../components/UnavailableLibraryNotice';
import { isValidClientId, spotifyConfig } from '../../lib/config';
import { formatClockTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import { currentFirstScreen } from '../../lib/popup/first-screen';
import { appStatusItem, authNoticeSetting, clientIdSetting, firstScreenItem, openTracksInSetting, spotifyProblemSetting } from '../../lib/storage-items';
import { describeSync } from '../../lib/popup/sync-view';

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const status = useStorageItem(appStatusItem);
  const notice = useStorageItem(authNoticeSetting);
  const problem = useStorageItem(spotifyProblemSetting);
  const clientId = useStorageItem(clientIdSetting);
  const openIn = useStorageItem(openTracksInSetting) ?? 'web';
  const online = useOnline();
  const libraryVersion = status?.libraryVersion ?? 0;
  // After sign-out `account` is the last account: its cached library stays searchable.
  const accountKey = status?.account?.key ?? null;
  const firstScreen = currentFirstScreen(useStorageItem(firstScreenItem), accountKey, libraryVersion);
  const { db, unavailable } = useLibraryDb(accountKey);
  const library = usePopupLibrary(db, accountKey, libraryVersion, startTrackChunksWorker, firstScreen);
  const tabId = useCurrentTabId();
  const currentTrack = useCurrentTabTrack(send, tabId, status?.signedIn ?? false, libraryVersion);
  const siteOffer = useSiteOffer(tabId);
  // Every second while rate-limited, so the sync line changes right at the resume time.
  const now = useNow(status?.sync.state === 'rate-limited' ? 1000 : 30_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [syncNote, setSyncNote] = useState<string | null>(null);

  useEffect(() => {
    // The background syncs if the last sync is stale; nothing to show if it cannot.
    send({ type: 'popupOpened' }).catch(() => undefined);
  }, [send]);

  if (status === undefined || clientId === undefined) return null;

  async function run(action: () => Promise<unknown>): Promise<void> {
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

  const sync = describeSync(status, online, now);
  function syncNow(): void {
    if (sync.syncNow.kind === 'waiting') {
      setSyncNote(t('sync.worksAgainAt', { time: formatClockTime(sync.syncNow.until) }));
      return;
    }
    setSyncNote(null);
    void run(() => send({ type: 'syncNow' }));
  }

  const clientIdMissing = !isValidClientId(clientId || spotifyConfig.defaultClientId);
  const searchable = status.signedIn || status.account !== null;
  return (
    <main class={searchable ? 'popup is-searchable' : 'popup'}>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Tracklight</h1>
        {status.signedIn && status.account && (
          <AccountBar displayName={status.account.displayName} onSignOut={() => void run(() => send({ type: 'signOut' }))} />
        )}
      </header>
      <SyncStatus view={sync} note={syncNote} onSyncNow={syncNow} />
      {problem && (
        <ProblemNotice
          problem={problem.problem}
          redirectUri={browser.identity.getRedirectURL()}
          signedIn={status.signedIn}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
      )}
      {status.signedIn && error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {!status.signedIn && (
        <SignInPanel
          clientIdMissing={clientIdMissing}
          busy={busy}
          // A refusal is explained above, with its fix; the failed request's message would repeat it.
          notice={problem ? null : (error ?? notice ?? null)}
          onSignIn={() => void run(() => send({ type: 'signIn' }))}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
      )}
      {currentTrack.track && (
        <CurrentTrackCard track={currentTrack.track} pending={currentTrack.pending} error={currentTrack.error} onToggleSaved={currentTrack.toggleSaved} />
      )}
      <TabMatchLine send={send} tabId={tabId} enabled={status.signedIn} libraryVersion={libraryVersion} />
      {searchable && unavailable && <UnavailableLibraryNotice unavailable={unavailable} />}
      {searchable && !unavailable && <SearchPanel library={library} libraryVersion={libraryVersion} partial={status.sync.partial} openIn={openIn} />}
      {status.signedIn && <SiteOfferLine offer={siteOffer.offer} pending={siteOffer.pending} error={siteOffer.error} onEnable={siteOffer.enable} />}
      <PopupFooter />
    </main>
  );
}
