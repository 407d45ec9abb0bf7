import { siteById, SITES, type Site, type SiteId } from '../matching/sites';

/** The content script WXT builds from entrypoints/page-track.content.ts. */
export const PAGE_TRACK_SCRIPT = 'content-scripts/page-track.js';
const SCRIPT_ID_PREFIX = 'tracklight-site-';

interface RegisteredScript {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
}

/** The part of `browser.scripting` used here: optional, present only once `scripting` is granted. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}

export interface SiteScriptsDeps {
  /** `browser.scripting`, read each time: it appears when the optional permission is granted. */
  scripting(): ScriptingApi | undefined;
  hasOrigins(origins: readonly string[]): Promise<boolean>;
  /** Tabs already showing a site, so a newly switched-on site works without a reload. */
  openTabs(matches: readonly string[]): Promise<number[]>;
  enabledSites(): Promise<SiteId[]>;
}

export interface SiteScripts {
  /** Registers the content script on each enabled site whose hosts are granted, and no other. */
  sync(): Promise<void>;
}

/**
 * Content scripts for the optional sites, registered at run time with
 * `scripting.registerContentScripts`. Declaring them in the manifest would make their hosts
 * install-time permissions (Chrome and Firefox both grant a manifest content script's matches at
 * install), which SPEC §10 rules out. Registrations persist across browser restarts in Chrome;
 * `sync` runs at every start anyway, so Firefox and revoked permissions are handled alike.
 */
export function createSiteScripts(deps: SiteScriptsDeps): SiteScripts {
  let queue: Promise<unknown> = Promise.resolve();

  async function wanted(site: Site, enabled: readonly SiteId[]): Promise<boolean> {
    return enabled.includes(site.id) && (await deps.hasOrigins(site.origins));
  }

  async function syncNow(): Promise<void> {
    const scripting = deps.scripting();
    if (!scripting) return;
    const enabled = await deps.enabledSites();
    const registered = new Set((await scripting.getRegisteredContentScripts()).map((script) => script.id));
    for (const site of SITES) {
      const id = SCRIPT_ID_PREFIX + site.id;
      const want = await wanted(site, enabled);
      if (want && !registered.has(id)) {
        await scripting.registerContentScripts([
          { id, js: [PAGE_TRACK_SCRIPT], matches: [...site.origins], runAt: 'document_idle', allFrames: false },
        ]);
        await injectIntoOpenTabs(scripting, site);
      } else if (!want && registered.has(id)) {
        await scripting.unregisterContentScripts({ ids: [id] });
      }
    }
  }

  async function injectIntoOpenTabs(scripting: ScriptingApi, site: Site): Promise<void> {
    const tabIds = await deps.openTabs(site.origins).catch(() => []);
    // A tab may be closing or showing an error page: it gets the script on its next load.
    await Promise.all(tabIds.map((tabId) => scripting.executeScript({ target: { tabId }, files: [PAGE_TRACK_SCRIPT] }).catch(() => undefined)));
  }

  return {
    sync() {
      const run = queue.then(syncNow);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The sites whose hosts were all granted still; used when the user revokes a permission. */
export async function sitesStillGranted(enabled: readonly SiteId[], hasOrigins: (origins: readonly string[]) => Promise<boolean>): Promise<SiteId[]> {
  const kept: SiteId[] = [];
  for (const id of enabled) if (await hasOrigins(siteById(id).origins)) kept.push(id);
  return kept;
}
