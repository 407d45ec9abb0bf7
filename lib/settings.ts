import { storage } from 'wxt/utils/storage';
import type { SiteId } from './matching/sites';

/**
 * Every setting and every small piece of shared state, declared in one place with its default.
 * Secrets never live here: `storage.local` is readable by content scripts (tokens are in
 * `lib/spotify/session-store.ts`).
 */

/** The user's own Spotify app Client ID; empty means "use the build's default, if any". */
export const clientIdSetting = storage.defineItem<string>('local:clientId', {
  fallback: '',
  version: 1,
});

export const syncIntervalSetting = storage.defineItem<number>('local:syncIntervalMinutes', {
  fallback: 30,
  version: 1,
});

/** Where Enter / "Open" sends a track: the web player, or the desktop app via `spotify:` URIs. */
export const openTracksInSetting = storage.defineItem<'web' | 'app'>('local:openTracksIn', {
  fallback: 'web',
  version: 1,
});

export interface AccountRef {
  /** `account_id` from GET /me when present, else `id` (SPEC §3). Names the library database. */
  key: string;
  displayName: string;
}

/**
 * The account whose cached library the pages show. Kept after sign-out so the library stays
 * readable (SPEC §4) until "Delete local data".
 */
export const libraryAccountSetting = storage.defineItem<AccountRef | null>('local:libraryAccount', {
  fallback: null,
  version: 1,
});

/** A message the popup shows after a sign-in problem or an ended session, until the next sign-in. */
export const authNoticeSetting = storage.defineItem<string | null>('local:authNotice', {
  fallback: null,
  version: 1,
});

/**
 * The music sites (lib/matching/sites.ts) where the badge shows a page's saved state. A site
 * is listed only after the user granted its host permission in Options; revoking it removes it.
 */
export const enabledSitesSetting = storage.defineItem<SiteId[]>('local:enabledSites', {
  fallback: [],
  version: 1,
});

/**
 * Origins ("https://music.example.com") switched on from the popup's "Enable on this site": any
 * other https site, read by the generic reader (schema.org MusicRecording, og:type music.song,
 * Bandcamp on an artist's own domain). Listed only after the user granted that origin alone;
 * revoking it removes it.
 */
export const enabledOriginsSetting = storage.defineItem<string[]>('local:enabledOrigins', {
  fallback: [],
  version: 1,
});

/** Only exact matches on music sites: no "a spelling apart" (Options, "Strict matching"). */
export const strictMatchingSetting = storage.defineItem<boolean>('local:strictMatching', {
  fallback: false,
  version: 1,
});

/**
 * "Not this track" on a music page: page (lib/matching/page-key.ts) → library track URIs the
 * user said it is not, newest page last. Bounded: the oldest pages are forgotten first.
 */
export const pageMatchCorrectionsItem = storage.defineItem<Record<string, string[]>>('local:pageMatchCorrections', {
  fallback: {},
  version: 1,
});
