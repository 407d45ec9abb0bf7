import { t } from '../i18n';
import { browser } from 'wxt/browser';
import { spotifyConfig } from '../config';
import { formatClockTime } from '../format';
import { findSavedByIsrc, isTrackSaved, readLibrarySummary, type LibraryDb } from '../library/store';
import { hasUnfinishedSync } from '../sync/sync';
import type { RequestHandlers } from '../messaging/server';
import { libraryAccountSetting, pacingItem, restoreStatusItem } from '../storage-items';
import { createSpotifyApi } from '../spotify/api-client';
import { createAuth } from '../spotify/auth';
import * as endpoints from '../spotify/endpoints';
import { createPacers } from '../spotify/pacers';
import { indexedDbSessionStore } from '../spotify/session-store';
import { createTrackDetailsCache } from '../spotify/track-details';
import { NO_BADGE, type Badge } from '../tracks/saved-state';
import { trackUri } from '../tracks/track-reference';
import { createAccountController, effectiveClientId } from './account';
import { createContainsChecker } from './contains-checker';
import { createCrossSite, type CrossSite } from '../cross-site/background/cross-site';
import { createLibraries } from './libraries';
import { createLibraryActions } from './library-actions';
import { storedProblems } from './problem-store';
import { resolveSavedState, type SavedStateSources } from './saved-state-resolver';
import { createRestoreController, type RestoreController } from './restore-controller';
import { createStatusStore } from './status-store';
import { createSyncController, STALE_AFTER_MS, type SyncController } from './sync-controller';
import { createTabBadges, type TabBadges } from './tab-badges';

export const PERIODIC_SYNC_ALARM = 'tracklight-periodic-sync';
export const RESUME_SYNC_ALARM = 'tracklight-resume-sync';
/** Wakes the worker for the restore job: at the end of a wait, or every minute while it should run. */
export const RESTORE_ALARM = 'tracklight-restore';

export interface BackgroundApp {
  handlers: RequestHandlers;
  tabBadges: TabBadges;
  sync: SyncController;
  /** Saved state on other music sites and the Spotify-link menu (issue #9). */
  crossSite: CrossSite;
  /** Restoring removed tracks and export files (issue #15). */
  restore: RestoreController;
  /** Rebuild state after the worker starts: status, badges of open Spotify tabs, an interrupted sync. */
  start(): Promise<void>;
}

/** Everything the service worker does, built from the domain modules; the entry point wires events to it. */
export async function createBackgroundApp(): Promise<BackgroundApp> {
  const status = createStatusStore();
  // SPEC §3: one pacer per Client ID, its learned rate and its Retry-After gate in storage.local.
  const pacers = createPacers({ load: () => pacingItem.getValue(), save: (records) => pacingItem.setValue(records) });
  const pacerOf = async (clientId?: string) => pacers.forClient(clientId ?? (await auth.currentSession())?.clientId ?? (await effectiveClientId()));
  const auth = createAuth({
    accountsBase: spotifyConfig.accountsBase,
    scopes: spotifyConfig.scopes,
    identity: browser.identity,
    store: indexedDbSessionStore,
    readProfile: (session) => endpoints.me(api, { session }),
    onSessionEnded: (error) => void account.endSession(error.message, error.problem).then(() => tabBadges.refreshAll()),
  });
  const account = createAccountController(auth, status);
  const api = createSpotifyApi({
    apiBase: spotifyConfig.apiBase,
    tokens: auth.tokens,
    pacer: pacerOf,
    isOnline: () => navigator.onLine,
  });
  const libraries = createLibraries();
  const signedInLibrary = async () => ((await auth.currentSession()) ? libraries.current() : null);
  const trackDetails = createTrackDetailsCache(api);
  const contains = createContainsChecker({ check: (trackIds) => endpoints.contains(api, trackIds.map(trackUri)) });

  const sources: SavedStateSources = {
    async isSavedInCache(trackId) {
      const db = await libraries.current();
      return db ? isTrackSaved(db, trackId) : false;
    },
    async savedAlbumsWithIsrc(isrc) {
      const db = await libraries.current();
      return db ? (await findSavedByIsrc(db, isrc)).map((track) => track.albumName) : [];
    },
    async isrcOf(trackId) {
      return (await trackDetails.get(trackId).catch(() => null))?.isrc ?? null;
    },
    async cacheMayBeStale() {
      const db = await libraries.current();
      if (!db) return true;
      const summary = await readLibrarySummary(db);
      return !summary.complete || summary.lastSyncedAt === null || Date.now() - summary.lastSyncedAt > STALE_AFTER_MS;
    },
    containsOnServer: (trackId) => contains.contains(trackId),
  };

  const tabBadges = createTabBadges({
    resolve: (trackId, onState) => resolveSavedState(trackId, sources, onState),
    setBadge,
    isActive: async () => (await auth.currentSession()) !== null,
  });

  const sync = createSyncController({
    status,
    api,
    rateGate: async () => (await pacerOf()).gate(),
    signedInLibrary,
    endSession: async (message, problem) => {
      await account.endSession(message, problem);
      await tabBadges.refreshAll();
    },
    scheduleResume: async (at) => {
      await browser.alarms.create(RESUME_SYNC_ALARM, { when: at });
    },
    redrawBadges: () => tabBadges.refreshAll(),
    isOnline: () => navigator.onLine,
    writesSettled: () => actions.settled(),
    problems: storedProblems,
  });

  const actions = createLibraryActions({
    api,
    trackDetails,
    signedInLibrary,
    readableLibrary: () => libraries.current(),
    resolveSavedState: (trackId) => resolveSavedState(trackId, sources, () => undefined),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    trackChanged: async (trackId) => {
      await status.update((current) => ({ ...current, libraryVersion: current.libraryVersion + 1 }));
      await tabBadges.refreshTrack(trackId);
    },
    confirmed: (trackId, saved) => contains.remember(trackId, saved),
  });

  const restore = createRestoreController({
    api,
    signedInLibrary,
    readableLibrary: () => libraries.current(),
    publish: (status) => restoreStatusItem.setValue(status),
    async wake(when) {
      if (when === null) {
        await browser.alarms.clear(RESTORE_ALARM);
      } else if (when === 'every-minute') {
        // Created once: creating it again on every change would keep pushing it back.
        if ((await browser.alarms.get(RESTORE_ALARM))?.periodInMinutes !== 1) {
          await browser.alarms.create(RESTORE_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
        }
      } else {
        await browser.alarms.create(RESTORE_ALARM, { when: when.at });
      }
    },
    restored: () => sync.sync(),
    async syncIfStale() {
      if (await sources.cacheMayBeStale()) await sync.sync();
    },
    cacheMayBeStale: () => sources.cacheMayBeStale(),
    isOnline: () => navigator.onLine,
  });

  const crossSite = createCrossSite({
    library: () => libraries.current(),
    isActive: async () => (await auth.currentSession()) !== null,
    setBadge,
    setTrackSaved: (trackId, saved) => actions.setTrackSaved(trackId, saved),
  });

  const handlers: RequestHandlers = {
    async signIn() {
      const signedIn = await account.signIn();
      void sync.sync({ userAsked: true });
      void restore.resumeIfDue();
      await tabBadges.refreshAll();
      return signedIn;
    },
    async signOut() {
      await account.signOut();
      await tabBadges.refreshAll();
      return null;
    },
    async syncNow() {
      const gate = (await pacerOf()).gate();
      if (gate.until > Date.now()) {
        throw new Error(t('errors.waitSync', { time: formatClockTime(gate.until) }));
      }
      void sync.sync({ userAsked: true });
      return null;
    },
    async popupOpened() {
      void sync.syncIfStale();
      return null;
    },
    async deleteLocalData() {
      await libraries.deleteCurrent();
      await restore.forget();
      const signedIn = (await auth.currentSession()) !== null;
      if (!signedIn) await libraryAccountSetting.setValue(null);
      await status.update((current) => ({
        ...current,
        account: signedIn ? current.account : null,
        sync: { ...current.sync, state: signedIn ? 'never' : 'signed-out', lastSyncedAt: null, partial: false, progress: null },
        libraryVersion: current.libraryVersion + 1,
      }));
      await tabBadges.refreshAll();
      return null;
    },
    getTabTrack: ({ tabId }) => actions.getTabTrack(tabId),
    setTrackSaved: ({ trackId, saved }) => actions.setTrackSaved(trackId, saved),
    checkImport: ({ uris }) => restore.checkSaved(uris),
    restoreFromFile: ({ fileName, tracks }) => restore.restoreFromFile(fileName, tracks),
    restoreRemoved: ({ uris }) => restore.restoreRemoved(uris),
    pauseRestore: () => restore.pause(),
    resumeRestore: () => restore.resume(),
    cancelRestore: () => restore.cancel(),
    dismissRestore: () => restore.dismiss(),
    getRestoreStatus: () => restore.status(),
    ...crossSite.handlers,
  };

  /**
   * storage.session is empty after a browser restart: what the pages show about the last sync
   * comes back from the library itself.
   */
  async function restoreSyncStatus(db: LibraryDb): Promise<void> {
    const summary = await readLibrarySummary(db);
    await status.update((current) => {
      if (current.sync.lastSyncedAt !== null || summary.lastSyncedAt === null) return current;
      const state = current.sync.state === 'never' && summary.complete ? 'ready' : current.sync.state;
      return { ...current, sync: { ...current.sync, state, lastSyncedAt: summary.lastSyncedAt, partial: !summary.complete } };
    });
  }

  return {
    handlers,
    tabBadges,
    sync,
    crossSite,
    restore,
    async start() {
      await account.restore();
      await crossSite.start();
      await restore.resumeIfDue();
      const db = await signedInLibrary();
      if (db) await restoreSyncStatus(db);
      const spotifyTabs = await browser.tabs.query({ url: 'https://open.spotify.com/*' });
      await Promise.all(spotifyTabs.map((tab) => (tab.id === undefined ? undefined : tabBadges.tabUrlChanged(tab.id, tab.url))));
      // A worker stopped mid-sync left a checkpoint: carry on from it at once.
      if (db && (await hasUnfinishedSync(db))) await sync.sync();
      else await sync.syncIfStale();
    },
  };
}

async function setBadge(tabId: number, badge: Badge): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setTitle({ tabId, title: badge.title }),
      badge === NO_BADGE ? undefined : browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      badge === NO_BADGE ? undefined : browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    ]);
  } catch {
    // The tab closed while its state was being worked out: nothing to draw on.
  }
}
