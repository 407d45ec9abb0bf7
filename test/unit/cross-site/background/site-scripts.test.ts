import { describe, expect, it } from 'vitest';
import {
  createSiteScripts,
  originsStillGranted,
  SITE_TRACK_SCRIPT,
  sitesStillGranted,
  type ScriptingApi,
} from '../../../../lib/cross-site/background/site-scripts';
import type { SiteId } from '../../../../lib/cross-site/sites';

function fakeScripting() {
  const registered = new Map<string, string[]>();
  /** The files each registration runs; Chrome keeps them across extension updates. */
  const files = new Map<string, string[]>();
  const injected: number[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: async () => [...registered].map(([id, matches]) => ({ id, matches, js: files.get(id) })),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        expect(script.js).toEqual([SITE_TRACK_SCRIPT]);
        registered.set(script.id, script.matches ?? []);
        files.set(script.id, script.js ?? []);
      }
    },
    unregisterContentScripts: async (filter) => {
      for (const id of filter?.ids ?? []) {
        registered.delete(id);
        files.delete(id);
      }
    },
    executeScript: async ({ target }) => void injected.push(target.tabId),
  };
  return { api, registered, files, injected };
}

describe('site content scripts', () => {
  it('registers enabled, granted sites once, injects into their open tabs, and unregisters the rest', async () => {
    const scripting = fakeScripting();
    let enabled: SiteId[] = ['youtube', 'genius'];
    const granted = new Set(['https://www.youtube.com/*']);
    const sites = createSiteScripts({
      scripting: () => scripting.api,
      hasOrigins: async (origins) => origins.every((origin) => granted.has(origin)),
      openTabs: async (matches) => (matches.includes('https://www.youtube.com/*') ? [11, 12] : []),
      enabledSites: async () => enabled,
      enabledOrigins: async () => [],
    });
    await Promise.all([sites.sync(), sites.sync()]);
    // YouTube is granted for www. only (switched on before m. was one of its hosts): it runs there.
    expect([...scripting.registered]).toEqual([['tracklight-site-youtube', ['https://www.youtube.com/*']]]);
    expect(scripting.injected).toEqual([11, 12]);

    granted.add('https://m.youtube.com/*');
    await sites.sync();
    expect(scripting.registered.get('tracklight-site-youtube')).toEqual(['https://www.youtube.com/*', 'https://m.youtube.com/*']);

    granted.add('https://genius.com/*');
    await sites.sync();
    expect([...scripting.registered.keys()].sort()).toEqual(['tracklight-site-genius', 'tracklight-site-youtube']);

    enabled = ['genius'];
    await sites.sync();
    expect([...scripting.registered.keys()]).toEqual(['tracklight-site-genius']);
  });

  it('replaces a registration an older version left with a script file that no longer exists', async () => {
    const scripting = fakeScripting();
    scripting.registered.set('tracklight-site-youtube', ['https://www.youtube.com/*', 'https://m.youtube.com/*']);
    scripting.files.set('tracklight-site-youtube', ['content-scripts/page-track.js']);
    const sites = createSiteScripts({
      scripting: () => scripting.api,
      hasOrigins: async () => true,
      openTabs: async () => [],
      enabledSites: async () => ['youtube'],
      enabledOrigins: async () => [],
    });
    await sites.sync();
    expect(scripting.files.get('tracklight-site-youtube')).toEqual([SITE_TRACK_SCRIPT]);
  });

  it('does nothing before `scripting` is granted', async () => {
    const sites = createSiteScripts({
      scripting: () => undefined,
      hasOrigins: async () => true,
      openTabs: async () => [],
      enabledSites: async () => ['youtube'],
      enabledOrigins: async () => ['https://music.example.com'],
    });
    await expect(sites.sync()).resolves.toBeUndefined();
  });

  it('registers each origin switched on from the popup, for that origin only, while it is granted', async () => {
    const scripting = fakeScripting();
    let origins = ['https://music.nilsfrahm.com', 'https://ungranted.example.com', 'https://*.example.com'];
    const granted = new Set(['https://music.nilsfrahm.com/*', 'https://*.example.com/*']);
    const sites = createSiteScripts({
      scripting: () => scripting.api,
      hasOrigins: async (patterns) => patterns.every((pattern) => granted.has(pattern)),
      openTabs: async () => [21],
      enabledSites: async () => [],
      enabledOrigins: async () => origins,
    });
    await sites.sync();
    expect([...scripting.registered]).toEqual([['tracklight-origin-music.nilsfrahm.com', ['https://music.nilsfrahm.com/*']]]);
    expect(scripting.injected).toEqual([21]);
    origins = [];
    await sites.sync();
    expect(scripting.registered.size).toBe(0);
  });

  it('keeps only the sites with a host still granted, and the origins still granted', async () => {
    const kept = await sitesStillGranted(
      ['youtube', 'bandcamp', 'tidal'],
      async (origins) => origins.includes('https://*.bandcamp.com/*') || origins.includes('https://listen.tidal.com/*'),
    );
    expect(kept).toEqual(['bandcamp', 'tidal']);
    expect(
      await originsStillGranted(['https://a.example.com', 'https://b.example.com'], async (patterns) => patterns.includes('https://b.example.com/*')),
    ).toEqual(['https://b.example.com']);
  });
});
