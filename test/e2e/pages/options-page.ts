import type { Locator, Page } from 'playwright-core';

export class OptionsPage {
  constructor(readonly page: Page) {}

  get clientIdInput(): Locator {
    return this.page.locator('input[name="client-id"]');
  }
  get redirectUri(): Locator {
    return this.page.locator('[data-redirect-uri]');
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
  /** A development-mode refusal explained (SPEC §6 `[data-problem]`). */
  get problem(): Locator {
    return this.page.locator('[data-problem]');
  }

  async saveClientId(value: string): Promise<void> {
    await this.clientIdInput.fill(value);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
