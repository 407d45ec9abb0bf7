import type { TestWorld } from './fixtures';

/**
 * Stops the extension's service worker as Chrome does when it idles out, through CDP, and
 * resolves once it has stopped. (`ServiceWorker.stopAllWorkers` took the whole headless
 * browser down here; `stopWorker` does not.)
 */
export async function stopServiceWorker(world: TestWorld): Promise<void> {
  const page = await world.extension.openPage('/options.html');
  const cdp = await world.extension.context.newCDPSession(page);
  let stopSent = false;
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const running = versions.find((version) => version.runningStatus === 'running');
      if (running && !stopSent) {
        stopSent = true;
        void cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
      } else if (stopSent && versions.every((version) => version.runningStatus === 'stopped')) {
        resolve();
      }
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await stopped;
  await page.close();
}
