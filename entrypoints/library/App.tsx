import { useEffect, useState } from 'preact/hooks';
import { useLibraryData } from '../../components/hooks/use-library-data';
import { useLibraryDb } from '../../components/hooks/use-library-db';
import { useNow } from '../../components/hooks/use-now';
import { useOnline } from '../../components/hooks/use-online';
import { useRemovalHistory, useRemovedCount } from '../../components/hooks/use-removal-history';
import { useRestoreStatus } from '../../components/hooks/use-restore-status';
import { useStorageItem } from '../../components/hooks/use-storage-item';
import { useViewHash } from '../../components/hooks/use-view-hash';
import { ImportSection } from '../../components/library/ImportSection';
import { LibraryBody } from '../../components/library/LibraryBody';
import { LibraryHeader } from '../../components/library/LibraryHeader';
import { LibraryTabs } from '../../components/library/LibraryTabs';
import { RemovedSection } from '../../components/library/RemovedSection';
import { RestorePanel } from '../../components/library/RestorePanel';
import { UnavailableLibraryNotice } from '../../components/UnavailableLibraryNotice';
import { removalHistoryChange } from '../../lib/library-view/removed-list';
import { sendRequest, type SendRequest } from '../../lib/messaging/client';
import { appStatusItem, openTracksInSetting } from '../../lib/storage-items';
import { createWorkerTextRanker } from './worker-text-ranker';

/** "Last synced 5 min ago" stays right to the minute. */
const CLOCK_TICK_MS = 30_000;

export function App({ send = sendRequest }: { send?: SendRequest }) {
  const status = useStorageItem(appStatusItem);
  const openIn = useStorageItem(openTracksInSetting) ?? 'web';
  const online = useOnline();
  const now = useNow(CLOCK_TICK_MS);
  const view = useViewHash();
  const [ranker] = useState(createWorkerTextRanker);
  useEffect(() => ranker.dispose, [ranker]);
  const { db, unavailable } = useLibraryDb(status?.account?.key);
  const data = useLibraryData(db, status?.libraryVersion ?? 0, ranker.rankTexts);
  const restore = useRestoreStatus(send);
  const historyChange = removalHistoryChange(status?.libraryVersion ?? 0, restore);
  const history = useRemovalHistory(view === 'removed' ? db : null, historyChange);
  // Counted once the library's first rows are up: their time is the page's budget (SPEC §8).
  const removedCount = useRemovedCount(view === 'removed' || data.phase === 'ready' ? db : null, historyChange);

  return (
    <main class="library">
      <LibraryHeader
        status={status ?? null}
        lastSyncedAt={data.phase === 'ready' || data.phase === 'preview' ? data.summary.lastSyncedAt : null}
        online={online}
        now={now}
      />
      {status && unavailable && <UnavailableLibraryNotice unavailable={unavailable} />}
      {status?.account && !unavailable && <LibraryTabs view={view} removedCount={removedCount} />}
      {status && !unavailable && restore && (
        <RestorePanel
          status={restore}
          signedIn={status.signedIn}
          onPause={() => void send({ type: 'pauseRestore' })}
          onResume={() => void send({ type: 'resumeRestore' })}
          onCancel={() => void send({ type: 'cancelRestore' })}
          onDismiss={() => void send({ type: 'dismissRestore' })}
        />
      )}
      {status && !unavailable && view === 'library' && <LibraryBody status={status} data={data} openIn={openIn} />}
      {status?.account && !unavailable && view === 'removed' && (
        <RemovedSection history={history} signedIn={status.signedIn} restore={restore} openIn={openIn} send={send} />
      )}
      {status?.account && !unavailable && view === 'restore-file' && <ImportSection signedIn={status.signedIn} restore={restore} send={send} />}
      {status && !status.account && !unavailable && view !== 'library' && <LibraryBody status={status} data={data} openIn={openIn} />}
    </main>
  );
}
