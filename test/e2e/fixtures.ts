import { launchExtension, type LaunchedExtension, type LaunchOptions } from '../browser/launch-extension';
import { standInPort, standInTls } from '../browser/stand-in-build';
import { startStandIn, type StandIn, type StandInOptions } from '../stand-in/server';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

/** One test's world: the stand-in on the build's port and a fresh Chromium profile. */
export interface TestWorld {
  standIn: StandIn;
  extension: LaunchedExtension;
  openPopup(query?: string): Promise<PopupPage>;
  openOptions(): Promise<OptionsPage>;
  close(): Promise<void>;
}

export async function startWorld(standInOptions: Omit<StandInOptions, 'port'> = {}, launchOptions: LaunchOptions = {}): Promise<TestWorld> {
  const standIn = await startStandIn({ library: { size: 200, seed: 7 }, ...standInOptions, port: standInPort(), tls: standInTls() });
  let extension: LaunchedExtension;
  try {
    extension = await launchExtension(launchOptions);
  } catch (error) {
    await standIn.close();
    throw error;
  }
  return worldOf(standIn, extension);
}

/** The world around a running stand-in and a launched extension: pages, and closing both. */
export function worldOf(standIn: StandIn, extension: LaunchedExtension): TestWorld {
  return {
    standIn,
    extension,
    async openPopup(query = '') {
      return new PopupPage(await extension.openPage(`/popup.html${query}`));
    },
    async openOptions() {
      return new OptionsPage(await extension.openPage('/options.html'));
    },
    async close() {
      await extension.close();
      await standIn.close();
    },
  };
}

/** Signs in from the popup and waits for the first sync to end ready. */
export async function signInAndSync(world: TestWorld): Promise<void> {
  const popup = await world.openPopup();
  await popup.signIn();
  await popup.waitForSyncState('ready', 60_000);
  await popup.page.close();
}
