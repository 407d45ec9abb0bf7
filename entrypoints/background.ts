import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundApp, PERIODIC_SYNC_ALARM, RESTORE_ALARM, RESUME_SYNC_ALARM, type BackgroundApp } from '../lib/background/background-app';
import { listenForCrossSiteEvents } from '../lib/cross-site/background/cross-site-events';
import { deferredHandlers, createMessageListener } from '../lib/messaging/server';
import { syncIntervalSetting } from '../lib/storage-items';

export default defineBackground(() => {
  const app: Promise<BackgroundApp> = createBackgroundApp();
  const withApp = (use: (app: BackgroundApp) => unknown) => void app.then(use);

  // Listeners are added synchronously so that the events that wake the worker reach them.
  browser.runtime.onMessage.addListener(
    createMessageListener(deferredHandlers(app.then((ready) => ready.handlers)), browser.runtime.id, browser.runtime.getURL('/')),
  );
  listenForCrossSiteEvents(app.then((ready) => ready.crossSite));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_SYNC_ALARM || alarm.name === RESUME_SYNC_ALARM) withApp((ready) => ready.sync.sync());
    if (alarm.name === RESTORE_ALARM) withApp((ready) => ready.restore.resumeIfDue());
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Without the `tabs` permission `tab.url` is only there for open.spotify.com: elsewhere it is undefined.
    if (change.url !== undefined || change.status === 'loading') {
      withApp((ready) => ready.tabBadges.tabUrlChanged(tabId, tab.url));
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => withApp((ready) => ready.tabBadges.tabClosed(tabId)));
  // Firefox waits for the promise (a few seconds at most) before it unloads the event page.
  browser.runtime.onSuspend.addListener(() => app.then((ready) => ready.sync.suspending()));
  self.addEventListener('online', () =>
    withApp(async (ready) => {
      await ready.sync.connectivityChanged(true);
      await ready.restore.resumeIfDue();
    }),
  );
  self.addEventListener('offline', () => withApp((ready) => ready.sync.connectivityChanged(false)));

  async function schedulePeriodicSync(minutes: number): Promise<void> {
    await browser.alarms.create(PERIODIC_SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
  }
  syncIntervalSetting.watch((minutes) => void schedulePeriodicSync(minutes));
  void syncIntervalSetting.getValue().then(async (minutes) => {
    const existing = await browser.alarms.get(PERIODIC_SYNC_ALARM);
    if (existing?.periodInMinutes !== minutes) await schedulePeriodicSync(minutes);
  });

  withApp((ready) => ready.start());
});
