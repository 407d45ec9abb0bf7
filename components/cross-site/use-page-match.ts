import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SendRequest } from '../../lib/messaging/client';
import type { PageMatch } from '../../lib/messaging/protocol';
import { tabIdFromQuery } from '../../lib/popup/tab-id';

export interface CurrentPageMatch {
  match: PageMatch | null;
  pending: boolean;
  error: string | null;
  /** "Not this track": remembered for the page; the next best match (or none) shows. */
  reject(): void;
}

/**
 * What the current tab's music page (YouTube, Bandcamp …) was matched to: `?tab=ID`, else the
 * active tab, as for the current Spotify track. Asked again when the library changes.
 */
export function usePageMatch(send: SendRequest, enabled: boolean, libraryVersion: number): CurrentPageMatch {
  const [tabId, setTabId] = useState<number | null>(null);
  const [match, setMatch] = useState<PageMatch | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const fromQuery = tabIdFromQuery(location.search);
    if (fromQuery !== null) setTabId(fromQuery);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTabId(active?.id ?? null));
  }, []);

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
  }, [send, enabled, tabId, libraryVersion]);

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
