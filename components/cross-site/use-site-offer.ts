import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { requestSiteAccess, siteOfferFor, type SiteOffer } from '../../lib/cross-site/site-access';
import { siteSwitches } from '../../lib/cross-site/site-switches';
import { siteOfUrl } from '../../lib/cross-site/sites';
import { enabledOriginsSetting, enabledSitesSetting } from '../../lib/storage-items';
import { useStorageItem } from '../hooks/use-storage-item';

export interface CurrentSiteOffer {
  offer: SiteOffer | null;
  pending: boolean;
  /** Why the site stays off (the permission was refused). */
  error: string | null;
  enable(): void;
}

/**
 * "Enable on this site" for the current tab (lib/cross-site/site-access.ts). The tab's URL is
 * readable here only through `activeTab` (the popup was opened on that tab) or a host
 * permission already granted; without it nothing is offered.
 */
export function useSiteOffer(tabId: number | null): CurrentSiteOffer {
  const sites = useStorageItem(enabledSitesSetting);
  const origins = useStorageItem(enabledOriginsSetting);
  const [url, setUrl] = useState<string | null>(null);
  const [siteGranted, setSiteGranted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    // `?.`: a tab closed meanwhile, or a test's fake browser that knows no such tab, gives none.
    void browser.tabs.get(tabId).then(
      (tab) => setUrl(tab?.url ?? null),
      () => setUrl(null),
    );
  }, [tabId]);

  const site = url ? siteOfUrl(url) : null;
  useEffect(() => {
    if (!site) return;
    void browser.permissions.contains({ origins: [...site.origins] }).then(setSiteGranted, () => setSiteGranted(false));
  }, [site, sites]);

  const offer = url && sites && origins ? siteOfferFor(url, { sites, origins }, siteGranted) : null;

  function enable(): void {
    if (!offer || pending) return;
    setPending(true);
    setError(null);
    const name = offer.kind === 'site' ? offer.site.label : new URL(offer.origin).hostname;
    requestSiteAccess(offer, siteSwitches)
      .then((granted) => {
        if (!granted) setError(t('sites.permissionRefused', { site: name }));
        else if (offer.kind === 'site') setSiteGranted(true);
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setPending(false));
  }

  return { offer, pending, error, enable };
}
