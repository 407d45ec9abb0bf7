import { describe, expect, it } from 'vitest';
import type { MatchOptions } from '../../../../lib/cross-site/matching/match-index';
import type { PageTrack, TabPage } from '../../../../lib/cross-site/page-track';
import { badgeOf, createPageMatches } from '../../../../lib/cross-site/background/page-matches';
import type { PageMatch } from '../../../../lib/cross-site/page-match';
import type { Badge } from '../../../../lib/tracks/saved-state';

const QUEEN: PageTrack = { title: 'Queen - Bohemian Rhapsody', artists: ['Queen Official'], titleMayNameArtist: true };
const URL_A = 'https://www.youtube.com/watch?v=aaaaaaaaaaa';

const track = (uri: string, name = 'Bohemian Rhapsody') => ({ uri, name, artists: ['Queen'], albumName: 'A Night at the Opera', addedAt: '2023-04-02T10:00:00Z' });

/** A matcher over two saved candidates, honouring exclusions and strictness like the real one. */
function fakeMatch(track_: PageTrack, options: MatchOptions): Promise<PageMatch> {
  const page = { title: track_.title, artists: track_.artists };
  const candidates = [track('spotify:track:first'), track('spotify:track:second')].filter((candidate) => !options.excluded.has(candidate.uri));
  const [first] = candidates;
  if (!first || options.strict) return Promise.resolve({ page, kind: 'not-saved', how: null, track: null, rejected: options.excluded.size });
  return Promise.resolve({ page, kind: 'saved', how: 'close', track: first, rejected: options.excluded.size });
}

function setUp(initial: Record<string, TabPage> = {}) {
  const badges = new Map<number, Badge>();
  const corrections: Record<string, string[]> = {};
  let saved: Record<string, TabPage> = initial;
  const state = { active: true, strict: false, enabledHosts: ['www.youtube.com'] };
  const pageMatches = createPageMatches({
    match: fakeMatch,
    setBadge: async (tabId, badge) => void badges.set(tabId, badge),
    isActive: async () => state.active,
    isEnabledPage: async (url) => state.enabledHosts.includes(new URL(url).hostname),
    strictMatching: async () => state.strict,
    rejected: async (key) => corrections[key] ?? [],
    reject: async (key, uri) => {
      corrections[key] = [...(corrections[key] ?? []), uri];
    },
    savedPages: { load: async () => saved, save: async (pages) => {
        saved = pages;
      },
    },
  });
  return { pageMatches, badges, corrections, state, saved: () => saved };
}

describe('page matches', () => {
  it('sets the tab’s badge from the match, saying what was matched', async () => {
    const { pageMatches, badges } = setUp();
    await pageMatches.pageFound(4, URL_A, QUEEN);
    expect(badges.get(4)).toMatchObject({ text: '✓', title: 'Tracklight: saved in your library — “Bohemian Rhapsody” by Queen' });
    expect((await pageMatches.get(4))?.track?.uri).toBe('spotify:track:first');
    expect(await pageMatches.get(5)).toBeNull();
  });

  it('“Not this track” is remembered for the page and the next match shows', async () => {
    const { pageMatches, badges, corrections } = setUp();
    await pageMatches.pageFound(4, `${URL_A}&t=10s`, QUEEN);
    expect((await pageMatches.reject(4))?.track?.uri).toBe('spotify:track:second');
    expect((await pageMatches.reject(4))?.kind).toBe('not-saved');
    expect(badges.get(4)?.text).toBe('+');
    expect(corrections).toEqual({ 'www.youtube.com/watch?v=aaaaaaaaaaa': ['spotify:track:first', 'spotify:track:second'] });
    // Same page in another tab, another time: still corrected.
    await pageMatches.pageFound(9, URL_A, QUEEN);
    expect(badges.get(9)?.text).toBe('+');
  });

  it('forgets a tab’s song when it moves to another page, not when only the query changes', async () => {
    const { pageMatches } = setUp();
    await pageMatches.pageFound(4, URL_A, QUEEN);
    await pageMatches.tabUrlChanged(4, `${URL_A}&t=30s`);
    expect(await pageMatches.get(4)).not.toBeNull();
    await pageMatches.tabUrlChanged(4, 'https://www.youtube.com/watch?v=bbbbbbbbbbb');
    expect(await pageMatches.get(4)).toBeNull();
  });

  it('empties badges while signed out and follows strict matching on refresh', async () => {
    const { pageMatches, badges, state } = setUp();
    await pageMatches.pageFound(4, URL_A, QUEEN);
    state.strict = true;
    await pageMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('+');
    state.active = false;
    await pageMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('');
    expect(await pageMatches.get(4)).toBeNull();
  });

  it('forgets a tab whose site was switched off, clearing its badge', async () => {
    const { pageMatches, badges, state } = setUp();
    await pageMatches.pageFound(4, URL_A, QUEEN);
    state.enabledHosts = [];
    await pageMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('');
    expect(await pageMatches.get(4)).toBeNull();
  });

  it('finds the tabs’ songs again after the service worker restarts', async () => {
    const first = setUp();
    await first.pageMatches.pageFound(4, URL_A, QUEEN);
    const restarted = setUp(first.saved());
    expect((await restarted.pageMatches.get(4))?.kind).toBe('saved');
    await restarted.pageMatches.tabClosed(4);
    expect(restarted.saved()).toEqual({});
  });

  it('shows ≈ with the saved version in the title', () => {
    const badge = badgeOf({ page: { title: 'x', artists: ['y'] }, kind: 'other-version', how: null, track: track('spotify:track:a', 'Bohemian Rhapsody'), rejected: 0 });
    expect(badge.text).toBe('≈');
    expect(badge.title).toContain('another version is saved — “Bohemian Rhapsody” by Queen');
  });
});
