import { useEffect, useState } from 'preact/hooks';
import type { SendRequest } from '../../lib/messaging/client';
import type { TabMatch } from '../../lib/cross-site/tab-match';
import { tabReportsItem } from '../../lib/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';

export interface CurrentTabMatch {
  match: TabMatch | null;
  pending: boolean;
  error: string | null;
  /** "Not this track": remembered for the song URL; the next best match (or none) shows. */
  reject(): void;
}

/**
 * What the current tab's music page (YouTube, Bandcamp …) was matched to. Asked again when the
 * library changes, and when the page's song changes (or is first read, just after the site was
 * switched on): the background keeps the tabs' songs in `tabReportsItem`.
 */
export function useTabMatch(send: SendRequest, tabId: number | null, enabled: boolean, libraryVersion: number): CurrentTabMatch {
  const [match, setMatch] = useState<TabMatch | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tabReports = useStorageItem(tabReportsItem);
  const reportedSong = tabId === null ? '' : JSON.stringify(tabReports?.[tabId] ?? null);

  useEffect(() => {
    if (!enabled || tabId === null) return;
    let active = true;
    send({ type: 'getPageMatch', tabId }).then(
      (answer) => active && setMatch(answer),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [send, enabled, tabId, libraryVersion, reportedSong]);

  async function reject(): Promise<void> {
    if (tabId === null || pending) return;
    setPending(true);
    setError(null);
    try {
      setMatch(await send({ type: 'rejectPageMatch', tabId }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  }

  return { match: enabled ? match : null, pending, error, reject: () => void reject() };
}
