import { badgeFor, NO_BADGE, type Badge, type SavedState } from '../tracks/saved-state';
import { parseTrackReference } from '../tracks/track-reference';

/**
 * Keeps each tab's toolbar badge in step with the Spotify track its URL names (SPEC §5).
 * Fed by tab events; knows nothing of the browser itself so tests drive it directly.
 */
export interface TabBadgesOptions {
  /** Resolve the saved state, calling `onState` with each (improving) answer. */
  resolve: (trackId: string, onState: (state: SavedState) => void) => Promise<unknown>;
  setBadge: (tabId: number, badge: Badge) => Promise<void>;
  /** Badges are empty while signed out (SPEC §5). */
  isActive: () => Promise<boolean>;
}

export interface TabBadges {
  /** A tab's URL changed (navigation, history.pushState) or became known; undefined = not ours to read. */
  tabUrlChanged(tabId: number, url: string | undefined): Promise<void>;
  tabClosed(tabId: number): void;
  /** The track of a tab, if its URL names one. */
  trackOfTab(tabId: number): string | undefined;
  /** Redraw every tab showing this track (after a save, a removal or a sync). */
  refreshTrack(trackId: string): Promise<void>;
  refreshAll(): Promise<void>;
}

export function createTabBadges(options: TabBadgesOptions): TabBadges {
  const trackByTab = new Map<number, string>();

  async function show(tabId: number, trackId: string): Promise<void> {
    if (!(await options.isActive())) {
      await options.setBadge(tabId, NO_BADGE);
      return;
    }
    await options.resolve(trackId, (state) => {
      // The tab may have moved on while the answer was on its way.
      if (trackByTab.get(tabId) === trackId) void options.setBadge(tabId, badgeFor(state));
    });
  }

  return {
    async tabUrlChanged(tabId, url) {
      const trackId = url ? parseTrackReference(url) : null;
      if (!trackId) {
        const hadTrack = trackByTab.delete(tabId);
        // Badges on other sites belong to the cross-site matcher: only clear what is ours, or
        // a Spotify page a restarted worker no longer remembers drawing on.
        if (hadTrack || url?.startsWith('https://open.spotify.com/')) await options.setBadge(tabId, NO_BADGE);
        return;
      }
      trackByTab.set(tabId, trackId);
      await show(tabId, trackId);
    },
    tabClosed(tabId) {
      trackByTab.delete(tabId);
    },
    trackOfTab: (tabId) => trackByTab.get(tabId),
    async refreshTrack(trackId) {
      await Promise.all([...trackByTab].filter(([, shown]) => shown === trackId).map(([tabId]) => show(tabId, trackId)));
    },
    async refreshAll() {
      await Promise.all([...trackByTab].map(([tabId, trackId]) => show(tabId, trackId)));
    },
  };
}
