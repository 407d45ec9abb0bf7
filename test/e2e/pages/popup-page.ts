import type { Locator, Page } from 'playwright-core';
import { seriousAccessibilityViolations, type AxeViolation } from './accessibility';

/** The popup as a user meets it (SPEC §6 names). */
export class PopupPage {
  constructor(readonly page: Page) {}

  get signInButton(): Locator {
    return this.page.getByRole('button', { name: /Sign in/ });
  }
  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: /Sign out/ });
  }
  get syncState(): Locator {
    return this.page.locator('[data-sync-state]');
  }
  get syncNowButton(): Locator {
    return this.page.getByRole('button', { name: /Sync now/ });
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
  get searchBox(): Locator {
    return this.page.locator('input[type="search"]');
  }
  get resultList(): Locator {
    return this.page.getByRole('list', { name: 'Saved tracks' });
  }
  get resultRows(): Locator {
    return this.resultList.locator('[data-track-id]');
  }
  get resultCount(): Locator {
    return this.page.locator('#result-count');
  }
  get currentTrack(): Locator {
    return this.page.locator('[data-current-track]');
  }
  /** A development-mode refusal explained (SPEC §6 `[data-problem]`). */
  get problem(): Locator {
    return this.page.locator('[data-problem]');
  }

  async syncStateValue(): Promise<string | null> {
    return this.syncState.getAttribute('data-sync-state');
  }

  async waitForSyncState(state: string, timeout = 30_000): Promise<void> {
    await this.page.locator(`[data-sync-state="${state}"]`).waitFor({ timeout });
  }

  async signIn(): Promise<void> {
    await this.signInButton.click();
  }

  /** Types `query` into the search box and waits until the list shows its results whole. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.waitForResultsFor(query);
  }

  /** Until the list holds `query`'s results, every row of the page rendered (not `aria-busy`). */
  async waitForResultsFor(query: string): Promise<void> {
    await this.page.waitForFunction((expected) => {
      const list = document.querySelector('[data-results-for]');
      return list?.getAttribute('data-results-for') === expected && list.getAttribute('aria-busy') !== 'true';
    }, query);
  }

  /** `data-track-id` of each result row, in display order. */
  async resultIds(): Promise<string[]> {
    return this.resultRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-track-id') ?? ''));
  }

  /** What has focus: `search`, `row N` (a result row's link or button) or the tag name. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLInputElement && active.type === 'search') return 'search';
      const row = active?.closest('[data-row-index]');
      return row ? `row ${row.getAttribute('data-row-index')}` : (active?.tagName.toLowerCase() ?? 'none');
    });
  }

  /** axe-core's serious and critical violations on the popup as it is now. */
  async seriousAccessibilityViolations(): Promise<AxeViolation[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
