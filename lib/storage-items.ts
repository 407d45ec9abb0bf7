import { storage } from 'wxt/utils/storage';
import type { SiteId } from './cross-site/sites';
import type { PacerRecord } from './spotify/pacer';
import type { SpotifyProblem } from './spotify/errors';
import type { TabReport } from './cross-site/site-track';
import type { FirstScreen } from './popup/first-screen';
import { initialAppStatus, type AppStatus, type RestoreStatus } from './status';

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

/** A development-mode refusal the user has to fix (SPEC §3), as the pages explain it. */
export interface ProblemNotice {
  problem: SpotifyProblem;
  /** When Tracklight may ask Spotify again on its own (epoch ms); null: only when the user acts. */
  retryAt: number | null;
}

/**
 * The refusal that stands, until a sync or a sign-in succeeds or the user signs out. Kept in
 * `storage.local`, so "at most one try an hour" holds across restarts of the worker and browser.
 */
export const spotifyProblemSetting = storage.defineItem<ProblemNotice | null>('local:spotifyProblem', {
  fallback: null,
  version: 1,
});

/**
 * The music sites (lib/cross-site/sites.ts) where the badge shows a page's saved state. A site
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
 * "Not this track" on a music site: song URL (lib/cross-site/matching/song-url.ts) → library track URIs
 * the user said it is not, newest last. Bounded: the oldest song URLs are forgotten first.
 */
export const matchCorrectionsItem = storage.defineItem<Record<string, string[]>>('local:pageMatchCorrections', {
  fallback: {},
  version: 1,
});

/**
 * Per Client ID, what its pacer learned of Spotify's rate limit, its Retry-After gate and the
 * requests still in its window (lib/spotify/pacer.ts): the next sync, a restarted service
 * worker and a restarted browser start from there. Read back through lib/spotify/pacers.ts,
 * which validates it. Nothing secret.
 */
export const pacingItem = storage.defineItem<Record<string, PacerRecord>>('local:pacing', {
  fallback: {},
  version: 1,
});

/**
 * Written only by the background, watched by the pages. `storage.session` is not exposed to
 * content scripts, survives a stopped service worker, and is rebuilt at browser start.
 */
export const appStatusItem = storage.defineItem<AppStatus>('session:appStatus', {
  fallback: initialAppStatus,
  version: 1,
});

/**
 * The song each tab shows, by tab id, as content scripts reported them: kept while the service
 * worker sleeps, and watched by the popup to show a tab's song as soon as it is read.
 * storage.session, which content scripts cannot read: tab URLs stay with the extension.
 */
export const tabReportsItem = storage.defineItem<Record<string, TabReport>>('session:tabPages', { fallback: {}, version: 1 });

/**
 * Written only by the background after every change to the job, watched by the library page;
 * null when there is none. The job itself is in the account's database: this is rebuilt from
 * it when the worker starts.
 */
export const restoreStatusItem = storage.defineItem<RestoreStatus | null>('session:restoreStatus', {
  fallback: null,
  version: 1,
});

/** The popup's first screen as the last popup read it (lib/popup/first-screen.ts). */
export const firstScreenItem = storage.defineItem<FirstScreen | null>('session:popupFirstScreen', { fallback: null, version: 1 });
