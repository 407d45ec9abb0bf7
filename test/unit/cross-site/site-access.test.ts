import { describe, expect, it } from 'vitest';
import { requestSiteAccess, siteOfferFor, type SiteAccessDeps } from '../../../lib/cross-site/site-access';
import { siteById } from '../../../lib/cross-site/sites';

const NOTHING_ON = { sites: [], origins: [] };

describe('"Enable on this site"', () => {
  it('offers a known site whole, any other https page for its origin, and nothing already on', () => {
    expect(siteOfferFor('https://m.youtube.com/watch?v=x', NOTHING_ON, false)).toEqual({ kind: 'site', site: siteById('youtube') });
    expect(siteOfferFor('https://music.nilsfrahm.com/track/all-melody', NOTHING_ON, false)).toEqual({ kind: 'origin', origin: 'https://music.nilsfrahm.com' });
    expect(siteOfferFor('https://music.nilsfrahm.com/album/x', { sites: [], origins: ['https://music.nilsfrahm.com'] }, false)).toBeNull();
    expect(siteOfferFor('https://www.youtube.com/watch?v=x', { sites: ['youtube'], origins: [] }, true)).toBeNull();
    // Switched on before m.youtube.com was one of its hosts: offered again to ask for the rest.
    expect(siteOfferFor('https://m.youtube.com/watch?v=x', { sites: ['youtube'], origins: [] }, false)).toMatchObject({ kind: 'site' });
  });

  it.each([
    'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    'http://music.example.com/',
    'https://music.example.com:8443/',
    'chrome://extensions/',
    'about:blank',
    'file:///home/me/song.html',
  ])('offers nothing on %s', (url) => expect(siteOfferFor(url, NOTHING_ON, false)).toBeNull());

  it('asks for that one origin and `scripting`, before anything else, and switches it on only if granted', async () => {
    const calls: string[] = [];
    let grant = true;
    const deps: SiteAccessDeps = {
      request: async (asked) => {
        calls.push(`request ${asked.permissions.join(',')} ${asked.origins.join(' ')}`);
        return grant;
      },
      switchOnSite: async (id) => void calls.push(`site ${id}`),
      switchOnOrigin: async (origin) => void calls.push(`origin ${origin}`),
    };
    const pending = requestSiteAccess({ kind: 'origin', origin: 'https://music.nilsfrahm.com' }, deps);
    // Firefox: the request is made synchronously, inside the click.
    expect(calls).toEqual(['request scripting https://music.nilsfrahm.com/*']);
    expect(await pending).toBe(true);
    expect(calls).toEqual(['request scripting https://music.nilsfrahm.com/*', 'origin https://music.nilsfrahm.com']);

    calls.length = 0;
    expect(await requestSiteAccess({ kind: 'site', site: siteById('tidal') }, deps)).toBe(true);
    expect(calls).toEqual(['request scripting https://tidal.com/* https://listen.tidal.com/*', 'site tidal']);

    calls.length = 0;
    grant = false;
    expect(await requestSiteAccess({ kind: 'origin', origin: 'https://a.example.com' }, deps)).toBe(false);
    expect(calls).toEqual(['request scripting https://a.example.com/*']);
  });
});
