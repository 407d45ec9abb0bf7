import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_LIBRARY, corpusEntry } from '../fixtures/sites/corpus/corpus';
import { badgeOf } from './spotify-pages';
import {
  openSiteTab,
  READER_ENTRIES,
  registeredScripts,
  signIn,
  startMusicSitesWorld,
  switchSitesOn,
  waitForScripts,
  type FixtureSite,
  type MusicSitesWorld,
} from './music-sites';

let world: MusicSitesWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const badgeText = async (tabId: number) => (await badgeOf(world!, tabId)).text;

function savedOn(key: string): string {
  const id = world!.songIds[key];
  return world!.standIn.library
    .saved()
    .find((item) => item.track?.id === id)!
    .added_at.slice(0, 10);
}

function nameOf(key: string): string {
  return CORPUS_LIBRARY.find((track) => track.key === key)!.name;
}

/** What each site's entry in `READER_ENTRIES` must show: badge, "Read as" line, match line. */
const EXPECTED: Record<FixtureSite, () => { badge: string; reading: string; line: string }> = {
  youtube: () => ({ badge: '✓', reading: 'Read as: Bohemian Rhapsody — Queen', line: `Matched: ${nameOf('rhapsody')} — Queen, saved ${savedOn('rhapsody')}` }),
  'youtube-music': () => ({
    badge: '✓',
    reading: 'Read as: Blinding Lights — The Weeknd',
    line: `Matched: Blinding Lights — The Weeknd, saved ${savedOn('blindingLights')}`,
  }),
  bandcamp: () => ({ badge: '✓', reading: 'Read as: Says — Nils Frahm', line: `Matched: Says — Nils Frahm, saved ${savedOn('says')}` }),
  lastfm: () => ({
    badge: '✓',
    reading: 'Read as: Dog Days Are Over — Florence and the Machine',
    line: `Matched: Dog Days Are Over — Florence + The Machine, saved ${savedOn('dogDays')} (close match)`,
  }),
  genius: () => ({
    badge: '✓',
    reading: 'Read as: Poetic Justice (feat. Drake) — Kendrick Lamar',
    line: `Matched: Poetic Justice — Kendrick Lamar, Drake, saved ${savedOn('poeticJustice')}`,
  }),
  soundcloud: () => ({
    badge: '≈',
    reading: 'Read as: Midnight City (Eric Prydz Private Remix) — M83',
    line: `Not saved — another version is: Midnight City — M83, saved ${savedOn('midnightCity')}`,
  }),
  'apple-music': () => ({
    badge: '✓',
    reading: 'Read as: Blinding Lights — The Weeknd',
    line: `Matched: Blinding Lights — The Weeknd, saved ${savedOn('blindingLights')}`,
  }),
  deezer: () => ({
    badge: '✓',
    reading: 'Read as: Harder, Better, Faster, Stronger — Daft Punk',
    line: `Matched: Harder, Better, Faster, Stronger — Daft Punk, saved ${savedOn('harder')}`,
  }),
  tidal: () => ({
    badge: '✓',
    reading: 'Read as: Potato Salad — Tyler, The Creator, A$AP Rocky',
    line: `Matched: Potato Salad — Tyler, The Creator, A$AP Rocky, saved ${savedOn('potatoSalad')}`,
  }),
};

/** The popup's lines for a tab: what was read, and what it matched. */
async function matchLines(tabId: number): Promise<{ reading: string; line: string }> {
  const popup = await world!.openPopup(`?tab=${tabId}`);
  const section = popup.page.locator('[data-page-match]');
  await section.waitFor();
  const reading = ((await section.locator('[data-page-reading]').textContent()) ?? '').replace(/\s+/g, ' ');
  const line = ((await section.textContent()) ?? '').replace(/\s+/g, ' ');
  await popup.page.close();
  return { reading, line };
}

describe('saved state on other music sites', () => {
  /** Switches `sites` on (YouTube's tab open before: it gets the reader without a reload) and checks each site's page. */
  async function checkSites(sites: readonly FixtureSite[]): Promise<void> {
    world = await startMusicSitesWorld();
    await signIn(world);
    // Nothing is read before the user switches a site on.
    const early = await openSiteTab(world, READER_ENTRIES[sites[0]].url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await badgeText(early.tabId)).toBe('');

    await switchSitesOn(world, sites);
    // A tab already open gets the content script when its site is switched on, without a reload.
    await expect.poll(() => badgeText(early.tabId), { timeout: 10_000 }).toBe(EXPECTED[sites[0]]().badge);

    for (const site of sites) {
      const tab = site === sites[0] ? early : await openSiteTab(world, READER_ENTRIES[site].url);
      const expected = EXPECTED[site]();
      await expect.poll(() => badgeText(tab.tabId), { timeout: 10_000, message: site }).toBe(expected.badge);
      const { reading, line } = await matchLines(tab.tabId);
      expect(reading, site).toBe(expected.reading);
      expect(line, site).toContain(expected.line);
    }
  }

  it('shows ✓, ≈ or + on YouTube, YouTube Music, Bandcamp, Last.fm, Genius and SoundCloud, with what was read and matched', async () => {
    await checkSites(['youtube', 'youtube-music', 'bandcamp', 'lastfm', 'genius', 'soundcloud']);
  }, 120_000);

  it('shows the same on Apple Music, Deezer and TIDAL', async () => {
    await checkSites(['apple-music', 'deezer', 'tidal']);
  }, 120_000);

  it('follows YouTube’s in-page navigation, remembers “Not this track” for the page, and obeys strict matching', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);
    const options = await switchSitesOn(world, ['youtube', 'lastfm']);
    const video = await openSiteTab(world, READER_ENTRIES.youtube.url);
    await expect.poll(() => badgeText(video.tabId)).toBe('✓');
    expect((await badgeOf(world, video.tabId)).title).toContain(`saved in your library — “${nameOf('rhapsody')}” by Queen`);

    // YouTube moves to another video with the History API, then rewrites the page; the Music
    // card of the first video stays in the description and no longer agrees with the title.
    await video.page.evaluate(() => {
      history.pushState({}, '', '/watch?v=dQw4w9WgXcQ');
      document.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'dQw4w9WgXcQ');
      document.querySelector('ytd-watch-metadata h1')!.textContent = 'Rick Astley - Never Gonna Give You Up (Official Music Video)';
      document.querySelector('ytd-watch-metadata ytd-channel-name a')!.textContent = 'Rick Astley';
    });
    await expect.poll(() => badgeText(video.tabId)).toBe('+');
    const afterNavigation = await matchLines(video.tabId);
    expect(afterNavigation.reading).toBe('Read as: Rick Astley - Never Gonna Give You Up (Official Music Video) — Rick Astley');
    expect(afterNavigation.line).toContain('Not in your library');

    // Back on the first video (a reload: the fixture page again), then "Not this track".
    await video.page.goto(READER_ENTRIES.youtube.url);
    await expect.poll(() => badgeText(video.tabId)).toBe('✓');
    // The next best match shows after each "Not this track" (the seeded library has its own
    // "Bohemian Rhapsody" by Queen), until none is left.
    const popup = await world.openPopup(`?tab=${video.tabId}`);
    const line = popup.page.locator('[data-page-match]');
    const rejected: string[] = [];
    while ((await line.getAttribute('data-match-kind')) === 'saved') {
      const shown = (await line.textContent()) ?? '';
      expect(rejected).not.toContain(shown);
      rejected.push(shown);
      await popup.page.getByRole('button', { name: 'Not this track' }).click();
      await expect.poll(() => line.textContent()).not.toBe(shown);
    }
    expect(rejected[0]).toContain(nameOf('rhapsody'));
    expect(rejected.length).toBeLessThanOrEqual(3);
    await expect.poll(() => line.getAttribute('data-match-kind')).toBe('not-saved');
    await expect.poll(() => badgeText(video.tabId)).toBe('+');
    await video.page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await expect.poll(() => badgeText(video.tabId)).toBe('+');

    // Last.fm's second spelling of the artist is a close match: strict matching refuses it.
    const lastfm = await openSiteTab(world, READER_ENTRIES.lastfm.url);
    await expect.poll(() => badgeText(lastfm.tabId)).toBe('✓');
    await options.bringToFront();
    await options.locator('input[name="strict-matching"]').check();
    await expect.poll(() => badgeText(lastfm.tabId)).toBe('+');
  }, 120_000);

  it('stops reading a site switched off, and shows nothing while signed out', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);
    const options = await switchSitesOn(world, ['genius']);
    const song = await openSiteTab(world, READER_ENTRIES.genius.url);
    await expect.poll(() => badgeText(song.tabId)).toBe('✓');

    const popup = await world.openPopup();
    await popup.signOutButton.click();
    await popup.signInButton.waitFor();
    await expect.poll(() => badgeText(song.tabId)).toBe('');
    await popup.signIn();
    await expect.poll(() => badgeText(song.tabId), { timeout: 15_000 }).toBe('✓');

    await options.bringToFront();
    await options.locator('input[name="site-genius"]').click();
    await expect.poll(async () => Object.keys(await registeredScripts(world!)).length).toBe(0);
    const later = await openSiteTab(world, `${READER_ENTRIES.genius.url}?again`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await badgeText(later.tabId)).toBe('');
  });

  it('“Enable on this site” switches on a page’s origin alone, or its music site, from the popup', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);

    // Any other site: a page that describes its song in schema.org MusicRecording data.
    const recording = await openSiteTab(world, READER_ENTRIES.generic.url);
    const popup = await world.openPopup(`?tab=${recording.tabId}`);
    // What the popup asks the browser for is recorded, then asked for as usual.
    await popup.page.evaluate(() => {
      const asked: unknown[] = [];
      const request = chrome.permissions.request.bind(chrome.permissions);
      Object.assign(window, { askedPermissions: asked });
      chrome.permissions.request = ((permissions: Parameters<typeof request>[0]) => {
        asked.push(permissions);
        return request(permissions);
      }) as typeof chrome.permissions.request;
    });
    const offer = popup.page.locator('[data-site-offer="https://www.joytimecollective.com"]');
    await offer.getByRole('button', { name: 'Enable on this site' }).click();
    await waitForScripts(world, ['tracklight-origin-www.joytimecollective.com']);
    expect(await popup.page.evaluate(() => (window as unknown as { askedPermissions: unknown[] }).askedPermissions)).toEqual([
      { permissions: ['scripting'], origins: ['https://www.joytimecollective.com/*'] },
    ]);
    expect((await registeredScripts(world))['tracklight-origin-www.joytimecollective.com']).toEqual(['https://www.joytimecollective.com/*']);
    // The tab already open gets the reader without a reload, and the open popup shows the song.
    await expect.poll(() => badgeText(recording.tabId), { timeout: 10_000 }).toBe('✓');
    await expect.poll(() => popup.page.locator('[data-page-reading]').textContent()).toContain('Happier — Marshmello, Bastille');
    await expect(offer.count()).resolves.toBe(0);
    await popup.page.close();

    // Bandcamp on an artist's own domain comes through the same door.
    const ownDomain = await openSiteTab(world, corpusEntry('generic-bandcamp-custom-domain.html').url);
    const ownDomainPopup = await world.openPopup(`?tab=${ownDomain.tabId}`);
    await ownDomainPopup.page.locator('[data-site-offer="https://music.nilsfrahm.com"]').getByRole('button', { name: 'Enable on this site' }).click();
    await expect.poll(() => badgeText(ownDomain.tabId), { timeout: 10_000 }).toBe('✓');
    expect((await matchLines(ownDomain.tabId)).line).toContain(`Matched: All Melody — Nils Frahm, saved ${savedOn('allMelody')}`);
    await ownDomainPopup.page.close();

    // A known music site not switched on yet is offered whole, as Options would.
    const mobile = await openSiteTab(world, corpusEntry('youtube-mobile.html').url);
    const mobilePopup = await world.openPopup(`?tab=${mobile.tabId}`);
    await mobilePopup.page.locator('[data-site-offer="youtube"]').getByRole('button', { name: 'Enable on this site' }).click();
    await waitForScripts(world, ['tracklight-site-youtube']);
    await expect.poll(() => badgeText(mobile.tabId), { timeout: 10_000 }).toBe('✓');
    await mobilePopup.page.close();

    // Options lists the origins switched on from the popup; turning one off stops reading it.
    const options = await world.openOptions();
    const origins = options.page.locator('[data-enabled-origins]');
    await expect.poll(() => origins.textContent()).toContain('www.joytimecollective.com');
    await options.page.getByRole('button', { name: 'Turn off www.joytimecollective.com' }).click();
    await expect.poll(async () => 'tracklight-origin-www.joytimecollective.com' in (await registeredScripts(world!))).toBe(false);
    await expect.poll(() => badgeText(recording.tabId)).toBe('');
  }, 120_000);
});
