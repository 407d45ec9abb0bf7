import type { Locator, Page } from 'playwright-core';

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
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  async syncStateValue(): Promise<string | null> {
    return this.syncState.getAttribute('data-sync-state');
  }

  async signIn(): Promise<void> {
    await this.signInButton.click();
  }
}
