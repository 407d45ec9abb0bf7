import { isHttpsOrigin, originPattern, SITES, type SiteId } from '../sites';

/** The content script WXT builds from entrypoints/site-track.content.ts. */
export const SITE_TRACK_SCRIPT = 'content-scripts/site-track.js';
const SITE_SCRIPT_PREFIX = 'tracklight-site-';
const ORIGIN_SCRIPT_PREFIX = 'tracklight-origin-';

interface RegisteredScript {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
}

/** The part of `browser.scripting` used here: optional, present only once `scripting` is granted. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string; matches?: string[]; js?: string[] }>>;
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
  /** Origins switched on from the popup ("Enable on this site"). */
  enabledOrigins(): Promise<string[]>;
}

export interface SiteScripts {
  /** Registers the content script where a switched-on site or origin is granted, and nowhere else. */
  sync(): Promise<void>;
}

/** The granted host patterns of each site and origin switched on, by script id. */
async function wantedScripts(deps: SiteScriptsDeps): Promise<Map<string, string[]>> {
  const wanted = new Map<string, string[]>();
  const sites = await deps.enabledSites();
  for (const site of SITES) {
    if (!sites.includes(site.id)) continue;
    const granted = await grantedPatterns(site.origins, deps.hasOrigins);
    if (granted.length > 0) wanted.set(SITE_SCRIPT_PREFIX + site.id, granted);
  }
  for (const origin of await deps.enabledOrigins()) {
    if (!isHttpsOrigin(origin)) continue;
    const pattern = originPattern(origin);
    if (await deps.hasOrigins([pattern])) wanted.set(ORIGIN_SCRIPT_PREFIX + new URL(origin).hostname, [pattern]);
  }
  return wanted;
}

/**
 * A site's host patterns that are granted. A site may be granted in part: YouTube was switched
 * on for www.youtube.com before m.youtube.com became one of its hosts, and keeps working there
 * until the user switches it on again (which asks for the rest).
 */
async function grantedPatterns(patterns: readonly string[], hasOrigins: (origins: readonly string[]) => Promise<boolean>): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of patterns) if (await hasOrigins([pattern])) granted.push(pattern);
  return granted;
}

const sameStrings = (a: readonly string[] = [], b: readonly string[]) => a.length === b.length && a.every((match) => b.includes(match));

/**
 * Content scripts for the optional sites, registered at run time with
 * `scripting.registerContentScripts`. Declaring them in the manifest would make their hosts
 * install-time permissions (Chrome and Firefox both grant a manifest content script's matches at
 * install), which SPEC §10 rules out. Registrations persist across browser restarts in Chrome;
 * `sync` runs at every start anyway, so Firefox and revoked permissions are handled alike.
 */
export function createSiteScripts(deps: SiteScriptsDeps): SiteScripts {
  let queue: Promise<unknown> = Promise.resolve();

  async function syncNow(): Promise<void> {
    const scripting = deps.scripting();
    if (!scripting) return;
    const wanted = await wantedScripts(deps);
    const ours = (await scripting.getRegisteredContentScripts()).filter(
      (script) => script.id.startsWith(SITE_SCRIPT_PREFIX) || script.id.startsWith(ORIGIN_SCRIPT_PREFIX),
    );
    const registered = new Map(ours.map((script) => [script.id, script.matches ?? []]));
    // Registrations outlive an update of the extension: one naming a script file this version
    // does not ship (site-track.js was page-track.js until issue 13's renames) would run nothing.
    const stale = ours
      .filter((script) => !wanted.has(script.id) || !sameStrings(script.matches, wanted.get(script.id)!) || !sameStrings(script.js, [SITE_TRACK_SCRIPT]))
      .map((script) => script.id);
    if (stale.length > 0) await scripting.unregisterContentScripts({ ids: stale });
    for (const [id, matches] of wanted) {
      if (registered.has(id) && !stale.includes(id)) continue;
      await scripting.registerContentScripts([{ id, js: [SITE_TRACK_SCRIPT], matches, runAt: 'document_idle', allFrames: false }]);
      await injectIntoOpenTabs(scripting, matches);
    }
  }

  async function injectIntoOpenTabs(scripting: ScriptingApi, matches: readonly string[]): Promise<void> {
    const tabIds = await deps.openTabs(matches).catch(() => []);
    // A tab may be closing or showing an error page: it gets the script on its next load.
    await Promise.all(tabIds.map((tabId) => scripting.executeScript({ target: { tabId }, files: [SITE_TRACK_SCRIPT] }).catch(() => undefined)));
  }

  return {
    sync() {
      const run = queue.then(syncNow);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The sites with at least one host still granted; used when the user revokes a permission. */
export async function sitesStillGranted(enabled: readonly SiteId[], hasOrigins: (origins: readonly string[]) => Promise<boolean>): Promise<SiteId[]> {
  const kept: SiteId[] = [];
  for (const id of enabled) {
    const site = SITES.find((candidate) => candidate.id === id);
    if (site && (await grantedPatterns(site.origins, hasOrigins)).length > 0) kept.push(id);
  }
  return kept;
}

/** The switched-on origins still granted. */
export async function originsStillGranted(enabled: readonly string[], hasOrigins: (origins: readonly string[]) => Promise<boolean>): Promise<string[]> {
  const kept: string[] = [];
  for (const origin of enabled) if (isHttpsOrigin(origin) && (await hasOrigins([originPattern(origin)]))) kept.push(origin);
  return kept;
}
