/**
 * The built extension in Chromium (test/browser's launch recipe), with one light extension
 * page kept open as the bench's hand inside the extension: it sends the messages the popup
 * would send (`signIn`, `syncNow`), watches the sync state the background publishes in
 * `chrome.storage.session` (`appStatus`), and reads the extension origin's storage.
 */
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../../test/browser/launch-extension';
import type { SyncState } from '../../lib/status';
import { installFirstRowTiming } from './floor-pages';
import { installNameHelper } from './page-scripts';

/** The options page: it loads no library, so it costs the measured pages nothing. */
const CONTROL_PAGE = '/options.html';
/** A first sync of 100,000 tracks on a fresh profile probes for minutes (lib/spotify/pacer.ts). */
const SYNC_TIMEOUT_MS = 600_000;

/** Where a sync ends: every state but `never` and `syncing`. */
const FINAL_STATES: readonly SyncState[] = ['ready', 'error', 'rate-limited', 'offline', 'signed-out'];

export interface SyncRun {
  /** Epoch ms, taken in the extension page right before the message was sent. */
  requestedAt: number;
  /** Epoch ms when the page saw the state become `ready`. */
  readyAt: number;
}

interface StateChange {
  state: SyncState;
  message: string | null;
  at: number;
}

declare global {
  interface Window {
    /** Sync states as the control page saw them change (bench only). */
    __benchSyncStates?: StateChange[];
  }
}

/** SPEC §4: opening the popup syncs a library older than this (lib/background/sync-controller). */
const STALE_AFTER_MS = 5 * 60_000;

export class ExtensionSession {
  /** When the last sync the bench started ended (epoch ms). */
  #lastSyncAt = 0;

  private constructor(
    readonly extension: LaunchedExtension,
    readonly control: Page,
  ) {}

  static async launch(): Promise<ExtensionSession> {
    const extension = await launchExtension();
    try {
      await installFirstRowTiming(extension.context);
      const control = await extension.openPage(CONTROL_PAGE);
      await installNameHelper(control);
      await control.evaluate(() => {
        const states: StateChange[] = [];
        window.__benchSyncStates = states;
        chrome.storage.session.onChanged.addListener((changes) => {
          const sync = (changes.appStatus?.newValue as { sync?: { state: SyncState; message: string | null } } | undefined)?.sync;
          const last = states.at(-1);
          if (sync && sync.state !== last?.state) states.push({ state: sync.state, message: sync.message, at: Date.now() });
        });
      });
      return new ExtensionSession(extension, control);
    } catch (error) {
      await extension.close();
      throw error;
    }
  }

  get extensionId(): string {
    return this.extension.extensionId;
  }

  /** Signs in as a user would from the popup; the background starts the first (full) sync. */
  signInAndSync(): Promise<SyncRun> {
    return this.#runSync('signIn');
  }

  /** "Sync now". */
  syncNow(): Promise<SyncRun> {
    return this.#runSync('syncNow');
  }

  /** "Delete local data", then "Sync now": a full sync again, with what the extension keeps besides the library. */
  async deleteLocalDataAndSync(): Promise<SyncRun> {
    await this.control.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({ type: 'deleteLocalData' })) as { ok: boolean; error?: string };
      if (!reply.ok) throw new Error(`deleteLocalData: ${reply.error}`);
    });
    return this.#runSync('syncNow');
  }

  /**
   * "Sync now" if the library is getting close to stale: opening the popup would otherwise
   * start a sync in the middle of the popup's figures.
   */
  async keepFresh(): Promise<void> {
    if (Date.now() - this.#lastSyncAt > STALE_AFTER_MS / 2) await this.syncNow();
  }

  /** Bytes the extension origin uses, as the quota manager reports them (IndexedDB mostly). */
  async storageUsage(): Promise<number> {
    return this.control.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  }

  async close(): Promise<void> {
    await this.extension.close();
  }

  async #runSync(type: 'signIn' | 'syncNow'): Promise<SyncRun> {
    const from = await this.control.evaluate(() => window.__benchSyncStates!.length);
    const requestedAt = await this.control.evaluate(async (messageType) => {
      const at = Date.now();
      const reply = (await chrome.runtime.sendMessage({ type: messageType })) as { ok: boolean; error?: string };
      if (!reply.ok) throw new Error(`${messageType}: ${reply.error}`);
      return at;
    }, type);
    // A sync first says `syncing`, then where it ended; wait for the end.
    const handle = await this.control.waitForFunction(
      ({ from, finals }) => {
        const seen = window.__benchSyncStates!.slice(from);
        const started = seen.findIndex((change) => change.state === 'syncing');
        return started >= 0 && seen.slice(started + 1).find((change) => finals.includes(change.state));
      },
      { from, finals: FINAL_STATES },
      { timeout: SYNC_TIMEOUT_MS, polling: 50 },
    );
    const end = (await handle.jsonValue()) as StateChange;
    if (end.state !== 'ready') throw new Error(`the sync ended ${end.state}: ${end.message ?? 'no message'}`);
    this.#lastSyncAt = end.at;
    return { requestedAt, readyAt: end.at };
  }
}
