import { describe, expect, it } from 'vitest';
import { resolveSavedState, type SavedStateSources } from '../../../lib/background/saved-state-resolver';
import { createTabBadges } from '../../../lib/background/tab-badges';
import type { Badge, SavedState } from '../../../lib/tracks/saved-state';

const SAVED = '4uLU6hMCjMI75M1A2tKUQC';
const UNSAVED = '1301WleyT98MSxVHPZCA6M';
const OTHER_VERSION = '7ouMYWpwJ422jRcDASZB7P';
const url = (id: string) => `https://open.spotify.com/track/${id}?si=x`;

function sources(overrides: Partial<SavedStateSources> = {}): SavedStateSources {
  return {
    isSavedInCache: async (id) => id === SAVED,
    savedAlbumsWithIsrc: async (isrc) => (isrc === 'USRC17607839' ? ['Greatest Hits'] : []),
    isrcOf: async (id) => (id === OTHER_VERSION ? 'USRC17607839' : 'GBXXX0000001'),
    cacheMayBeStale: async () => false,
    containsOnServer: async () => null,
    ...overrides,
  };
}

function harness(source = sources(), active = true) {
  const badges = new Map<number, Badge>();
  const tabs = createTabBadges({
    resolve: (trackId, onState) => resolveSavedState(trackId, source, onState),
    setBadge: async (tabId, badge) => {
      badges.set(tabId, badge);
    },
    isActive: async () => active,
  });
  return { tabs, text: (tabId: number) => badges.get(tabId)?.text, title: (tabId: number) => badges.get(tabId)?.title };
}

describe('resolveSavedState', () => {
  it.each<[string, string, Partial<SavedStateSources>, SavedState['kind'][]]>([
    ['a cached track', SAVED, {}, ['saved']],
    ['an unknown track', UNSAVED, {}, ['not-saved']],
    ['another version of a saved recording', OTHER_VERSION, {}, ['not-saved', 'other-version']],
    [
      'a track saved elsewhere while the cache is stale',
      UNSAVED,
      { cacheMayBeStale: async () => true, containsOnServer: async () => true },
      ['not-saved', 'saved'],
    ],
    ['an unknown track, stale cache, Spotify says no', UNSAVED, { cacheMayBeStale: async () => true, containsOnServer: async () => false }, ['not-saved']],
    ['an unknown track offline (no ISRC)', UNSAVED, { isrcOf: async () => null }, ['not-saved']],
  ])('answers %s from the cache first, then refines', async (_, trackId, overrides, expected) => {
    const seen: SavedState['kind'][] = [];
    await resolveSavedState(trackId, sources(overrides), (state) => seen.push(state.kind));
    expect(seen).toEqual(expected);
  });

  it('does not ask Spotify while the cache is fresh', async () => {
    let asked = 0;
    await resolveSavedState(
      UNSAVED,
      sources({
        containsOnServer: async () => {
          asked++;
          return true;
        },
      }),
      () => undefined,
    );
    expect(asked).toBe(0);
  });
});

describe('createTabBadges', () => {
  it('shows ✓, + and ≈ per tab, with a title in words', async () => {
    const { tabs, text, title } = harness();
    await tabs.tabUrlChanged(1, url(SAVED));
    await tabs.tabUrlChanged(2, url(UNSAVED));
    await tabs.tabUrlChanged(3, `https://open.spotify.com/intl-de/track/${OTHER_VERSION}`);
    expect([text(1), text(2), text(3)]).toEqual(['✓', '+', '≈']);
    expect(title(1)).toMatch(/saved in your library/);
    expect(title(2)).toMatch(/not in your library/);
    expect(title(3)).toMatch(/another version is saved: Greatest Hits/);
  });

  it('follows in-page navigation and clears on pages without a track', async () => {
    const { tabs, text } = harness();
    await tabs.tabUrlChanged(1, url(SAVED));
    await tabs.tabUrlChanged(1, url(UNSAVED));
    expect(text(1)).toBe('+');
    await tabs.tabUrlChanged(1, 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy');
    expect(text(1)).toBe('');
    expect(tabs.trackOfTab(1)).toBeUndefined();
  });

  it('clears a tab that left for a site we cannot read', async () => {
    const { tabs, text } = harness();
    await tabs.tabUrlChanged(1, url(SAVED));
    await tabs.tabUrlChanged(1, undefined);
    expect(text(1)).toBe('');
  });

  it('leaves badges on other sites alone (the cross-site matcher draws those)', async () => {
    const { tabs, text } = harness();
    await tabs.tabUrlChanged(4, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(text(4)).toBeUndefined();
  });

  it('clears a Spotify page it has not drawn on since the worker restarted', async () => {
    const { tabs, text } = harness();
    await tabs.tabUrlChanged(5, 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy');
    expect(text(5)).toBe('');
  });

  it('shows nothing while signed out', async () => {
    const { tabs, text } = harness(sources(), false);
    await tabs.tabUrlChanged(1, url(SAVED));
    expect(text(1)).toBe('');
  });

  it('redraws every tab showing a track when it is saved or removed', async () => {
    let saved = false;
    const { tabs, text } = harness(sources({ isSavedInCache: async (id) => id === UNSAVED && saved }));
    await tabs.tabUrlChanged(1, url(UNSAVED));
    await tabs.tabUrlChanged(2, url(UNSAVED));
    await tabs.tabUrlChanged(3, url(SAVED));
    saved = true;
    await tabs.refreshTrack(UNSAVED);
    expect([text(1), text(2), text(3)]).toEqual(['✓', '✓', '+']);
  });

  it('ignores a late answer for a track the tab no longer shows', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { tabs, text } = harness(
      sources({
        isSavedInCache: async (id) => id === SAVED,
        cacheMayBeStale: async () => true,
        containsOnServer: async (id) => {
          if (id !== UNSAVED) return null;
          await slow;
          return true;
        },
      }),
    );
    const first = tabs.tabUrlChanged(1, url(UNSAVED));
    await tabs.tabUrlChanged(1, url(SAVED));
    release();
    await first;
    expect(text(1)).toBe('✓');
  });
});
