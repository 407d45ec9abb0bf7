import { useStorageItem } from '../../components/hooks/use-storage-item';
import { appStatusItem } from '../../lib/status';

export function App() {
  const status = useStorageItem(appStatusItem);
  return (
    <main class="library">
      <header class="library-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>Your saved tracks</h1>
        {status?.account && <span class="muted">{status.account.displayName}</span>}
      </header>
      <p class="muted">Your library appears here once Tracklight has synced it.</p>
    </main>
  );
}
