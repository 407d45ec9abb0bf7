import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabIdFromQuery } from '../../lib/popup/tab-id';

/** The tab the popup treats as current: `?tab=ID`, else the active tab of this window; null until known. */
export function useCurrentTabId(): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    const fromQuery = tabIdFromQuery(location.search);
    if (fromQuery !== null) setTabId(fromQuery);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTabId(active?.id ?? null));
  }, []);
  return tabId;
}
