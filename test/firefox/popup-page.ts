import type { Page } from 'puppeteer-core';
import { replaceText } from './input';

/**
 * The popup in Firefox as a user meets it (SPEC §6 names), opened in a tab (`?tab=ID` names the
 * tab it is about). Waits poll on an interval: Firefox pauses animation frames in background tabs.
 */
export class FirefoxPopup {
  constructor(readonly page: Page) {}

  async syncState(): Promise<string | null> {
    return this.page.$eval('[data-sync-state]', (element) => element.getAttribute('data-sync-state')).catch(() => null);
  }

  async waitForSyncState(state: string, timeout = 30_000): Promise<void> {
    await this.page.waitForSelector(`[data-sync-state="${state}"]`, { timeout });
  }

  async signIn(): Promise<void> {
    await this.click('button::-p-text(Sign in with Spotify)');
  }

  async signOut(): Promise<void> {
    await this.click('button::-p-text(Sign out)');
  }

  /** Types `query` into the search box and waits until the list shows its results whole. */
  async search(query: string): Promise<void> {
    await replaceText(this.page, 'input[type="search"]', query);
    await this.waitForResultsFor(query);
  }

  /** Until the list holds `query`'s results, every row of the page rendered (not `aria-busy`). */
  async waitForResultsFor(query: string): Promise<void> {
    await this.page.waitForFunction(
      (expected) => {
        const list = document.querySelector('[data-results-for]');
        return list?.getAttribute('data-results-for') === expected && list.getAttribute('aria-busy') !== 'true';
      },
      { polling: 50 },
      query,
    );
  }

  /** `data-track-id` of each result row, in display order. */
  async resultIds(): Promise<string[]> {
    return this.page.$$eval('[aria-label="Saved tracks"] [data-track-id]', (rows) => rows.map((row) => row.getAttribute('data-track-id') ?? ''));
  }

  async resultCountText(): Promise<string> {
    return this.page.$eval('#result-count', (element) => element.textContent ?? '');
  }

  /** The current tab's track card (`[data-current-track]`): its track, saved state and words. */
  async currentTrack(): Promise<{ trackId: string | null; saved: string | null; text: string } | null> {
    return this.page.evaluate(() => {
      const card = document.querySelector('[data-current-track]');
      if (!card) return null;
      return { trackId: card.getAttribute('data-track-id'), saved: card.getAttribute('data-saved'), text: card.textContent ?? '' };
    });
  }

  /** Clicks the current track card's Save or Remove. */
  async toggleCurrentTrack(label: 'Save' | 'Remove'): Promise<void> {
    await this.click(`[data-current-track] button::-p-text(${label})`);
  }

  async alertText(): Promise<string | null> {
    return this.page.$eval('[role="alert"]', (element) => element.textContent).catch(() => null);
  }

  private async click(selector: string): Promise<void> {
    await this.page.bringToFront();
    await this.page.locator(selector).click();
  }
}
