import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf } from './spotify-pages';
import {
  FIXTURE_SONGS,
  openSiteTab,
  signIn,
  SITE_FIXTURES,
  startMusicSitesWorld,
  switchSitesOn,
  type FixtureSite,
  type FixtureSong,
  type MusicSitesWorld,
} from './music-sites';

let world: MusicSitesWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const badgeText = async (tabId: number) => (await badgeOf(world!, tabId)).text;
const ALL_SITES = Object.keys(SITE_FIXTURES) as FixtureSite[];

function savedOn(song: FixtureSong): string {
  const id = world!.songIds[song];
  return world!.standIn.library.saved().find((item) => item.track?.id === id)!.added_at.slice(0, 10);
}

async function matchLine(tabId: number): Promise<string> {
  const popup = await world!.openPopup(`?tab=${tabId}`);
  const line = popup.page.locator('[data-page-match]');
  await line.waitFor();
  const text = (await line.textContent()) ?? '';
  await popup.page.close();
  return text.replace(/\s+/g, ' ');
}

describe('saved state on other music sites', () => {
  it('shows ✓, ≈ or + on each site’s page, with what it matched in the popup, once the site is switched on', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);
    // Nothing is read before the user switches a site on.
    const early = await openSiteTab(world, SITE_FIXTURES.youtube.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await badgeText(early.tabId)).toBe('');

    await switchSitesOn(world, ALL_SITES);
    // A tab already open gets the content script when its site is switched on, without a reload.
    await expect.poll(() => badgeText(early.tabId), { timeout: 10_000 }).toBe('✓');

    const expected: Record<FixtureSite, { badge: string; line: string }> = {
      youtube: { badge: '✓', line: `Matched: ${FIXTURE_SONGS.rhapsody.name} — Queen, saved ${savedOn('rhapsody')}` },
      'youtube-music': { badge: '✓', line: `Matched: Smells Like Teen Spirit — Nirvana, saved ${savedOn('teenSpirit')}` },
      bandcamp: { badge: '✓', line: `Matched: Says — Nils Frahm, saved ${savedOn('says')}` },
      lastfm: { badge: '✓', line: `Matched: Dog Days Are Over — Florence + The Machine, saved ${savedOn('dogDays')} (close match)` },
      genius: { badge: '✓', line: `Matched: Hello — Adele, saved ${savedOn('hello')}` },
      soundcloud: { badge: '≈', line: `Not saved — another version is: Midnight City — M83, saved ${savedOn('midnightCity')}` },
    };
    for (const site of ALL_SITES) {
      const tab = site === 'youtube' ? early : await openSiteTab(world, SITE_FIXTURES[site].url);
      await expect.poll(() => badgeText(tab.tabId), { timeout: 10_000, message: site }).toBe(expected[site].badge);
      expect(await matchLine(tab.tabId), site).toContain(expected[site].line);
    }
  });

  it('follows YouTube’s in-page navigation, remembers “Not this track” for the page, and obeys strict matching', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);
    const options = await switchSitesOn(world, ['youtube', 'lastfm']);
    const video = await openSiteTab(world, SITE_FIXTURES.youtube.url);
    await expect.poll(() => badgeText(video.tabId)).toBe('✓');
    expect((await badgeOf(world, video.tabId)).title).toContain(`saved in your library — “${FIXTURE_SONGS.rhapsody.name}” by Queen`);

    // YouTube moves to another video with the History API, then rewrites the page.
    await video.page.evaluate(() => {
      history.pushState({}, '', '/watch?v=dQw4w9WgXcQ');
      document.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'dQw4w9WgXcQ');
      document.querySelector('ytd-watch-metadata h1')!.textContent = 'Rick Astley - Never Gonna Give You Up (Official Music Video)';
      document.querySelector('ytd-channel-name a')!.textContent = 'Rick Astley';
    });
    await expect.poll(() => badgeText(video.tabId)).toBe('+');
    expect(await matchLine(video.tabId)).toContain('Not in your library: Rick Astley - Never Gonna Give You Up (Official Music Video) — Rick Astley');

    // Back on the first video (a reload: the fixture page again), then "Not this track".
    await video.page.goto(SITE_FIXTURES.youtube.url);
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
    expect(rejected[0]).toContain(FIXTURE_SONGS.rhapsody.name);
    expect(rejected.length).toBeLessThanOrEqual(3);
    await expect.poll(() => line.getAttribute('data-match-kind')).toBe('not-saved');
    await expect.poll(() => badgeText(video.tabId)).toBe('+');
    await video.page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await expect.poll(() => badgeText(video.tabId)).toBe('+');

    // Last.fm's spelling of the artist is a close match: strict matching refuses it.
    const lastfm = await openSiteTab(world, SITE_FIXTURES.lastfm.url);
    await expect.poll(() => badgeText(lastfm.tabId)).toBe('✓');
    await options.bringToFront();
    await options.locator('input[name="strict-matching"]').check();
    await expect.poll(() => badgeText(lastfm.tabId)).toBe('+');
  });

  it('stops reading a site switched off, and shows nothing while signed out', async () => {
    world = await startMusicSitesWorld();
    await signIn(world);
    const options = await switchSitesOn(world, ['genius']);
    const song = await openSiteTab(world, SITE_FIXTURES.genius.url);
    await expect.poll(() => badgeText(song.tabId)).toBe('✓');

    const popup = await world.openPopup();
    await popup.signOutButton.click();
    await popup.signInButton.waitFor();
    await expect.poll(() => badgeText(song.tabId)).toBe('');
    await popup.signIn();
    await expect.poll(() => badgeText(song.tabId), { timeout: 15_000 }).toBe('✓');

    await options.bringToFront();
    await options.locator('input[name="site-genius"]').click();
    const worker = await world.extension.serviceWorker();
    await expect
      .poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
      .toBe(0);
    const later = await openSiteTab(world, 'https://genius.com/Adele-hello-lyrics?again');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await badgeText(later.tabId)).toBe('');
  });
});
