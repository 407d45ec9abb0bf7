import { describe, expect, it } from 'vitest';
import type { MatchOptions } from '../../../../lib/cross-site/matching/match-index';
import type { SiteTrack, TabReport } from '../../../../lib/cross-site/site-track';
import { badgeOf, createTabMatches } from '../../../../lib/cross-site/background/tab-matches';
import type { TabMatch } from '../../../../lib/cross-site/tab-match';
import type { Badge } from '../../../../lib/tracks/saved-state';

const QUEEN: SiteTrack = { title: 'Queen - Bohemian Rhapsody', artists: ['Queen Official'], titleMayNameArtist: true };
const URL_A = 'https://www.youtube.com/watch?v=aaaaaaaaaaa';

const track = (uri: string, name = 'Bohemian Rhapsody') => ({
  uri,
  name,
  artists: ['Queen'],
  albumName: 'A Night at the Opera',
  addedAt: '2023-04-02T10:00:00Z',
});

/** A matcher over two saved candidates, honouring exclusions and strictness like the real one. */
function fakeMatch(siteTrack: SiteTrack, options: MatchOptions): Promise<TabMatch> {
  const readAs = { title: siteTrack.title, artists: siteTrack.artists };
  const candidates = [track('spotify:track:first'), track('spotify:track:second')].filter((candidate) => !options.excluded.has(candidate.uri));
  const [first] = candidates;
  if (!first || options.strict) return Promise.resolve({ readAs, kind: 'not-saved', how: null, track: null, rejected: options.excluded.size });
  return Promise.resolve({ readAs, kind: 'saved', how: 'close', track: first, rejected: options.excluded.size });
}

function setUp(initial: Record<string, TabReport> = {}) {
  const badges = new Map<number, Badge>();
  const corrections: Record<string, string[]> = {};
  let saved: Record<string, TabReport> = initial;
  const state = { active: true, strict: false, enabledHosts: ['www.youtube.com'] };
  const tabMatches = createTabMatches({
    match: fakeMatch,
    setBadge: async (tabId, badge) => void badges.set(tabId, badge),
    isActive: async () => state.active,
    isOnEnabledSite: async (url) => state.enabledHosts.includes(new URL(url).hostname),
    strictMatching: async () => state.strict,
    rejected: async (key) => corrections[key] ?? [],
    reject: async (key, uri) => {
      corrections[key] = [...(corrections[key] ?? []), uri];
    },
    savedReports: {
      load: async () => saved,
      save: async (reports) => {
        saved = reports;
      },
    },
  });
  return { tabMatches, badges, corrections, state, saved: () => saved };
}

describe('tab matches', () => {
  it('sets the tab’s badge from the match, saying what was matched', async () => {
    const { tabMatches, badges } = setUp();
    await tabMatches.trackReported(4, URL_A, QUEEN);
    expect(badges.get(4)).toMatchObject({ text: '✓', title: 'Tracklight: saved in your library — “Bohemian Rhapsody” by Queen' });
    expect((await tabMatches.get(4))?.track?.uri).toBe('spotify:track:first');
    expect(await tabMatches.get(5)).toBeNull();
  });

  it('“Not this track” is remembered for the song URL and the next match shows', async () => {
    const { tabMatches, badges, corrections } = setUp();
    await tabMatches.trackReported(4, `${URL_A}&t=10s`, QUEEN);
    expect((await tabMatches.reject(4))?.track?.uri).toBe('spotify:track:second');
    expect((await tabMatches.reject(4))?.kind).toBe('not-saved');
    expect(badges.get(4)?.text).toBe('+');
    expect(corrections).toEqual({ 'www.youtube.com/watch?v=aaaaaaaaaaa': ['spotify:track:first', 'spotify:track:second'] });
    // Same song URL in another tab, another time: still corrected.
    await tabMatches.trackReported(9, URL_A, QUEEN);
    expect(badges.get(9)?.text).toBe('+');
  });

  it('forgets a tab’s song when it moves to another song URL, not when only the query changes', async () => {
    const { tabMatches } = setUp();
    await tabMatches.trackReported(4, URL_A, QUEEN);
    await tabMatches.tabUrlChanged(4, `${URL_A}&t=30s`);
    expect(await tabMatches.get(4)).not.toBeNull();
    await tabMatches.tabUrlChanged(4, 'https://www.youtube.com/watch?v=bbbbbbbbbbb');
    expect(await tabMatches.get(4)).toBeNull();
  });

  it('empties badges while signed out and follows strict matching on refresh', async () => {
    const { tabMatches, badges, state } = setUp();
    await tabMatches.trackReported(4, URL_A, QUEEN);
    state.strict = true;
    await tabMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('+');
    state.active = false;
    await tabMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('');
    expect(await tabMatches.get(4)).toBeNull();
  });

  it('forgets a tab whose site was switched off, clearing its badge', async () => {
    const { tabMatches, badges, state } = setUp();
    await tabMatches.trackReported(4, URL_A, QUEEN);
    state.enabledHosts = [];
    await tabMatches.refreshAll();
    expect(badges.get(4)?.text).toBe('');
    expect(await tabMatches.get(4)).toBeNull();
  });

  it('finds the tabs’ songs again after the service worker restarts', async () => {
    const first = setUp();
    await first.tabMatches.trackReported(4, URL_A, QUEEN);
    const restarted = setUp(first.saved());
    expect((await restarted.tabMatches.get(4))?.kind).toBe('saved');
    await restarted.tabMatches.tabClosed(4);
    expect(restarted.saved()).toEqual({});
  });

  it('shows ≈ with the saved version in the title', () => {
    const badge = badgeOf({
      readAs: { title: 'x', artists: ['y'] },
      kind: 'other-version',
      how: null,
      track: track('spotify:track:a', 'Bohemian Rhapsody'),
      rejected: 0,
    });
    expect(badge.text).toBe('≈');
    expect(badge.title).toContain('another version is saved — “Bohemian Rhapsody” by Queen');
  });
});
