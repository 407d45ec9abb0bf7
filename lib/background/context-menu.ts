import { t } from '../i18n';
import { parseTrackReference } from '../tracks/track-reference';

export const SAVE_LINK_MENU_ID = 'tracklight-save-link';
export const REMOVE_LINK_MENU_ID = 'tracklight-remove-link';

/**
 * Links the menu appears on. Match patterns cannot name `spotify:` URIs (no browser accepts
 * that scheme in `targetUrlPatterns`), so only web links are covered; `parseTrackReference`
 * then rejects anything that is not a track (albums, artists, lookalikes).
 */
export const SPOTIFY_TRACK_LINK_PATTERNS = ['https://open.spotify.com/track/*', 'https://open.spotify.com/*/track/*'];

interface MenuItem {
  id: string;
  title: string;
  contexts: ['link'];
  targetUrlPatterns: string[];
  visible?: boolean;
}

/** The part of `browser.contextMenus` used here; `refresh` exists in Firefox only. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(item: MenuItem): unknown;
  update(id: string, change: { title?: string; visible?: boolean }): Promise<void>;
  refresh?(): Promise<void>;
}

export interface ClickInfo {
  menuItemId: string | number;
  linkUrl?: string;
}

export interface SpotifyLinkMenuDeps {
  menus: MenusApi;
  /** From the cache; null when there is no library to ask. */
  isSaved(trackId: string): Promise<boolean | null>;
  /** The library actions' Save / Remove: cache at once, then Spotify, rolled back if refused. */
  setTrackSaved(trackId: string, saved: boolean): Promise<unknown>;
}

export interface SpotifyLinkMenu {
  install(): Promise<void>;
  clicked(info: ClickInfo): Promise<void>;
  /** Firefox's `menus.onShown`: show only the action that applies, saying the state. */
  shown(info: { linkUrl?: string; menuIds: Array<string | number> }): Promise<void>;
}

// Read when the menu is built, in the UI's language.
const saveTitle = (): string => t('menu.save');
const removeTitle = (): string => t('menu.remove');

/**
 * "Save to / Remove from Spotify library" on Spotify track links, on any page, with no host
 * permission: the link comes with the click. Chrome cannot change a menu as it opens, so it
 * shows both actions (each does what it says, whatever the state); Firefox reports the menu
 * opening (`onShown`), and there only the action that applies is shown, saying the state.
 */
export function createSpotifyLinkMenu(deps: SpotifyLinkMenuDeps): SpotifyLinkMenu {
  return {
    async install() {
      // Menus outlive the service worker in Chrome, not in Firefox: start from none each time.
      await deps.menus.removeAll();
      for (const [id, title] of [
        [SAVE_LINK_MENU_ID, saveTitle()],
        [REMOVE_LINK_MENU_ID, removeTitle()],
      ] as const) {
        deps.menus.create({ id, title, contexts: ['link'], targetUrlPatterns: SPOTIFY_TRACK_LINK_PATTERNS });
      }
    },
    async clicked(info) {
      if (info.menuItemId !== SAVE_LINK_MENU_ID && info.menuItemId !== REMOVE_LINK_MENU_ID) return;
      const trackId = info.linkUrl ? parseTrackReference(info.linkUrl) : null;
      if (!trackId) return;
      await deps.setTrackSaved(trackId, info.menuItemId === SAVE_LINK_MENU_ID);
    },
    async shown(info) {
      if (!deps.menus.refresh || !info.menuIds.includes(SAVE_LINK_MENU_ID)) return;
      const trackId = info.linkUrl ? parseTrackReference(info.linkUrl) : null;
      const saved = trackId ? await deps.isSaved(trackId) : null;
      await deps.menus.update(SAVE_LINK_MENU_ID, { visible: saved !== true, title: saveTitle() });
      await deps.menus.update(REMOVE_LINK_MENU_ID, {
        visible: saved !== false,
        title: saved === true ? t('menu.removeSaved') : removeTitle(),
      });
      await deps.menus.refresh();
    },
  };
}
