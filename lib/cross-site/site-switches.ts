import { browser } from 'wxt/browser';
import { enabledOriginsSetting, enabledSitesSetting } from '../storage-items';
import type { SiteAccessDeps } from './site-access';
import { originPattern, siteById, type SiteId } from './sites';

/**
 * Switching music sites and origins on and off from the extension's pages (Options, the
 * popup): the setting, and the permission asked for or given back. The background follows the
 * settings (lib/cross-site/background/cross-site-events.ts) and registers or removes the content script.
 */
export const siteSwitches: SiteAccessDeps & {
  switchOffSite(id: SiteId): Promise<void>;
  switchOffOrigin(origin: string): Promise<void>;
} = {
  request: (permissions) => browser.permissions.request(permissions),
  async switchOnSite(id) {
    await enabledSitesSetting.setValue([...new Set([...(await enabledSitesSetting.getValue()), id])]);
  },
  async switchOnOrigin(origin) {
    await enabledOriginsSetting.setValue([...new Set([...(await enabledOriginsSetting.getValue()), origin])]);
  },
  async switchOffSite(id) {
    await enabledSitesSetting.setValue((await enabledSitesSetting.getValue()).filter((enabled) => enabled !== id));
    // Hosts granted at install (an enterprise policy, a test build) cannot be removed: the
    // site is off all the same, its content script unregistered by the background.
    await browser.permissions.remove({ origins: [...siteById(id).origins] }).catch(() => false);
  },
  async switchOffOrigin(origin) {
    await enabledOriginsSetting.setValue((await enabledOriginsSetting.getValue()).filter((enabled) => enabled !== origin));
    await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  },
};
