import { originOfUrl, originPattern, siteOfUrl, type Site, type SiteId } from './sites';

/**
 * "Enable on this site" (issue #14): what the popup may offer for the page in the current tab,
 * and the one permission request that switches it on. A known music site is switched on whole
 * (its hosts, as in Options); any other https page, for its origin alone. Spotify's own pages
 * need nothing: their tracks are read from the URL.
 */
export type SiteOffer = { kind: 'site'; site: Site } | { kind: 'origin'; origin: string };

export interface SwitchedOn {
  sites: readonly SiteId[];
  origins: readonly string[];
}

/**
 * The offer for a page, or null when it is switched on already or cannot be. `siteGranted`:
 * whether the page's known site has all its hosts (a site switched on before it gained a host,
 * m.youtube.com, is offered again there).
 */
export function siteOfferFor(url: string, on: SwitchedOn, siteGranted: boolean): SiteOffer | null {
  const origin = originOfUrl(url);
  if (!origin || /(^|\.)spotify\.com$/.test(new URL(origin).hostname)) return null;
  const site = siteOfUrl(url);
  if (site) return on.sites.includes(site.id) && siteGranted ? null : { kind: 'site', site };
  return on.origins.includes(origin) ? null : { kind: 'origin', origin };
}

/** The host permissions an offer asks for: the site's hosts, or the one origin. */
export function offerOrigins(offer: SiteOffer): string[] {
  return offer.kind === 'site' ? [...offer.site.origins] : [originPattern(offer.origin)];
}

export interface SiteAccessDeps {
  /** `browser.permissions.request`. */
  request(permissions: { permissions: Array<'scripting'>; origins: string[] }): Promise<boolean>;
  switchOnSite(id: SiteId): Promise<void>;
  switchOnOrigin(origin: string): Promise<void>;
}

/**
 * Asks for the offer's hosts and `scripting` (to register the content script), then switches
 * it on if granted. Must be called from the click itself: Firefox grants only in a user
 * gesture, so the request is made before anything is awaited.
 */
export function requestSiteAccess(offer: SiteOffer, deps: SiteAccessDeps): Promise<boolean> {
  return deps.request({ permissions: ['scripting'], origins: offerOrigins(offer) }).then(async (granted) => {
    if (!granted) return false;
    if (offer.kind === 'site') await deps.switchOnSite(offer.site.id);
    else await deps.switchOnOrigin(offer.origin);
    return true;
  });
}
