import type { Page } from 'puppeteer-core';

/**
 * Replaces what a text box holds with `text`, with key presses as a user would (select all,
 * delete, type): puppeteer's `fill('')` empties the box without an `input` event.
 */
export async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}
