import { describe, expect, it } from 'vitest';
import {
  createSpotifyLinkMenu,
  REMOVE_LINK_MENU_ID,
  SAVE_LINK_MENU_ID,
  SPOTIFY_TRACK_LINK_PATTERNS,
  type MenusApi,
} from '../../../lib/background/context-menu';

const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

function setUp(options: { firefox?: boolean; saved?: boolean | null } = {}) {
  const items = new Map<string, { title?: string; visible?: boolean; targetUrlPatterns?: string[] }>();
  const calls: Array<[string, boolean]> = [];
  let refreshed = 0;
  const menus: MenusApi = {
    removeAll: async () => items.clear(),
    create: (item) => items.set(item.id, { ...item }),
    update: async (id, change) => void items.set(id, { ...items.get(id), ...change }),
    ...(options.firefox ? { refresh: async () => void refreshed++ } : {}),
  };
  const menu = createSpotifyLinkMenu({
    menus,
    isSaved: async () => options.saved ?? null,
    setTrackSaved: async (trackId, saved) => void calls.push([trackId, saved]),
  });
  return { menu, items, calls, refreshed: () => refreshed };
}

/** Chrome's match patterns, as far as the path goes: `*` is any run of characters. */
function matchesPattern(url: string, pattern: string): boolean {
  const expression = new RegExp(`^${pattern.replace(/[.?+^$()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
  return expression.test(url.split(/[?#]/)[0]);
}

describe('the Spotify link menu', () => {
  it('installs both items on Spotify track links only, idempotently', async () => {
    const { menu, items } = setUp();
    await menu.install();
    await menu.install();
    expect([...items.keys()]).toEqual([SAVE_LINK_MENU_ID, REMOVE_LINK_MENU_ID]);
    expect(items.get(SAVE_LINK_MENU_ID)).toMatchObject({ title: 'Save to Spotify library', targetUrlPatterns: SPOTIFY_TRACK_LINK_PATTERNS });
    const shown = (url: string) => SPOTIFY_TRACK_LINK_PATTERNS.some((pattern) => matchesPattern(url, pattern));
    expect(shown(`https://open.spotify.com/track/${TRACK}?si=1`)).toBe(true);
    expect(shown(`https://open.spotify.com/intl-de/track/${TRACK}`)).toBe(true);
    expect(shown(`https://open.spotify.com/embed/track/${TRACK}`)).toBe(true);
    expect(shown('https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy')).toBe(false);
  });

  it.each([
    [SAVE_LINK_MENU_ID, `https://open.spotify.com/track/${TRACK}?si=abc`, [[TRACK, true]]],
    [REMOVE_LINK_MENU_ID, `https://open.spotify.com/intl-fr/track/${TRACK}`, [[TRACK, false]]],
    [SAVE_LINK_MENU_ID, 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy', []],
    [SAVE_LINK_MENU_ID, `https://open.spotify.com.evil.example/track/${TRACK}`, []],
    ['someone-elses-item', `https://open.spotify.com/track/${TRACK}`, []],
  ])('%s on %s', async (menuItemId, linkUrl, expected) => {
    const { menu, calls } = setUp();
    await menu.clicked({ menuItemId, linkUrl });
    expect(calls).toEqual(expected);
  });

  it.each([
    [true, { save: false, remove: true, removeTitle: 'Remove from Spotify library (saved)' }],
    [false, { save: true, remove: false, removeTitle: 'Remove from Spotify library' }],
    [null, { save: true, remove: true, removeTitle: 'Remove from Spotify library' }],
  ])('in Firefox shows the action that applies when saved = %s', async (saved, expected) => {
    const { menu, items, refreshed } = setUp({ firefox: true, saved });
    await menu.install();
    await menu.shown({ linkUrl: `https://open.spotify.com/track/${TRACK}`, menuIds: [SAVE_LINK_MENU_ID, REMOVE_LINK_MENU_ID] });
    expect(items.get(SAVE_LINK_MENU_ID)?.visible).toBe(expected.save);
    expect(items.get(REMOVE_LINK_MENU_ID)).toMatchObject({ visible: expected.remove, title: expected.removeTitle });
    expect(refreshed()).toBe(1);
  });

  it('in Chrome (no onShown, no refresh) leaves both items as they are', async () => {
    const { menu, items } = setUp({ saved: true });
    await menu.install();
    await menu.shown({ linkUrl: `https://open.spotify.com/track/${TRACK}`, menuIds: [SAVE_LINK_MENU_ID] });
    expect(items.get(SAVE_LINK_MENU_ID)?.visible).toBeUndefined();
  });
});
