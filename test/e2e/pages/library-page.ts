import type { Download, Locator, Page } from 'playwright-core';
import { seriousAccessibilityViolations, type AxeViolation } from './accessibility';

/** The library page as a user meets it (SPEC §6 names). */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get searchBox(): Locator {
    return this.page.locator('input[type="search"]');
  }
  get sortSelect(): Locator {
    return this.page.getByLabel('Sort', { exact: true });
  }
  get exportScope(): Locator {
    return this.page.getByLabel('Export', { exact: true });
  }
  get csvButton(): Locator {
    return this.page.getByRole('button', { name: /CSV/ });
  }
  get jsonButton(): Locator {
    return this.page.getByRole('button', { name: /JSON/ });
  }
  get rows(): Locator {
    return this.page.locator('[data-track-id]');
  }
  get counts(): Locator {
    return this.page.locator('[data-library-count]');
  }
  get chart(): Locator {
    return this.page.getByRole('listbox', { name: /Tracks saved per month/ });
  }
  get chartMonths(): Locator {
    return this.chart.getByRole('option');
  }
  get offlineBadge(): Locator {
    return this.page.locator('[data-offline]');
  }
  /** "Removed from Spotify" (the page at `#removed`). */
  get removedRows(): Locator {
    return this.page.locator('[data-removed-track-id]');
  }
  removedRow(trackId: string): Locator {
    return this.page.locator(`[data-removed-track-id="${trackId}"]`);
  }
  get restoreSelectedButton(): Locator {
    return this.page.getByRole('button', { name: /Restore selected/ });
  }
  /** Restore from a file (the page at `#restore-file`). */
  get importFile(): Locator {
    return this.page.locator('input[type="file"][name="import-file"]');
  }
  get importSummary(): Locator {
    return this.page.locator('[data-import-summary]');
  }
  get importRestoreButton(): Locator {
    return this.importSummary.getByRole('button', { name: /Restore/ });
  }
  get restorePanel(): Locator {
    return this.page.locator('[data-restore-state]');
  }

  /** `data-removed-track-id` → `data-removed-at` of the removed tracks listed, in order (a short list: all rendered). */
  async removedList(): Promise<Array<{ id: string; removedAt: string }>> {
    return this.removedRows.evaluateAll((rows) =>
      rows
        .map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')),
          id: row.getAttribute('data-removed-track-id') ?? '',
          removedAt: row.getAttribute('data-removed-at') ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map(({ id, removedAt }) => ({ id, removedAt })),
    );
  }

  async importSummaryValues(): Promise<{ total: number; missing: number; unknown: number }> {
    const value = async (name: string) => Number(await this.importSummary.getAttribute(`data-import-${name}`));
    return { total: await value('total'), missing: await value('missing'), unknown: await value('unknown') };
  }

  /** Waits until the restore is in `state` and returns its counts. */
  async waitForRestore(state: string, timeout = 60_000): Promise<{ done: number; total: number }> {
    const panel = this.page.locator(`[data-restore-state="${state}"]`);
    await panel.waitFor({ timeout });
    return { done: Number(await panel.getAttribute('data-done')), total: Number(await panel.getAttribute('data-total')) };
  }

  /** The row at a place in the list (0 = first), once it is rendered. */
  rowAt(index: number): Locator {
    return this.page.locator(`[data-track-id][aria-rowindex="${index + 2}"]`);
  }

  columnHeader(name: string): Locator {
    return this.page.getByRole('columnheader', { name });
  }

  /** Waits until the whole library is in (the counts carry numbers) and returns them. */
  async waitForLibrary(timeout = 30_000): Promise<{ count: number; total: number }> {
    await this.counts.waitFor({ timeout });
    return this.countValues();
  }

  async countValues(): Promise<{ count: number; total: number }> {
    const [count, total] = await Promise.all([this.counts.getAttribute('data-library-count'), this.counts.getAttribute('data-library-total')]);
    return { count: Number(count), total: Number(total) };
  }

  /** Types into the filter box and waits until the list has `count` rows' worth of tracks. */
  async filter(query: string): Promise<void> {
    await this.searchBox.fill(query);
  }

  /** `data-track-id` of each row in the DOM, in display order. */
  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows
        .map((row) => ({ id: row.getAttribute('data-track-id') ?? '', index: Number(row.getAttribute('aria-rowindex')) }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.id),
    );
  }

  /**
   * Every row of the list in display order, collected by scrolling the page from top to bottom
   * by `stepPx` (default: most of a window; only the rows in view are in the DOM). Also the
   * most rows the DOM held at any step.
   */
  async scrollThroughRows(stepPx?: number): Promise<{ ids: string[]; mostRowsInDom: number }> {
    const byIndex = new Map<number, string>();
    let mostRowsInDom = 0;
    await this.page.evaluate(() => window.scrollTo(0, 0));
    for (;;) {
      const step = await this.page.evaluate((stepPx) => {
        const rows = [...document.querySelectorAll('[data-track-id]')].map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')),
          id: row.getAttribute('data-track-id') ?? '',
        }));
        const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        window.scrollBy(0, stepPx ?? window.innerHeight * 0.8);
        return { rows, atEnd };
      }, stepPx);
      mostRowsInDom = Math.max(mostRowsInDom, step.rows.length);
      for (const { index, id } of step.rows) byIndex.set(index, id);
      if (step.atEnd) break;
      // Let the virtualizer see the scroll and render the next rows.
      await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    const ids = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    return { ids, mostRowsInDom };
  }

  async sortBy(label: string): Promise<void> {
    await this.sortSelect.selectOption({ label });
  }

  /** Clicks an export button and returns the download it starts. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  /** axe-core's serious and critical violations on the library page as it is now. */
  async seriousAccessibilityViolations(): Promise<AxeViolation[]> {
    return seriousAccessibilityViolations(this.page);
  }
}
