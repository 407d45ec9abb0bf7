import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type TestWorld } from './fixtures';

/**
 * SPEC §1 item 7: the UI in the browser's language. Chromium started with `--lang=zh-CN` or
 * `--lang=zh-TW` serves the extension those `_locales` (in headless Chromium
 * `chrome.i18n.getUILanguage()` and `navigator.language` still say en-US; the messages follow
 * `--lang`, which is what a user's Chinese Chromium does too). The `data-*` names stay.
 */
const LANGUAGES = [
  {
    lang: 'zh-CN',
    signIn: '用 Spotify 登录',
    syncNow: '立即同步',
    signOut: '退出登录',
    synced: /已同步/,
    placeholder: /在 [\d,]+ 首已收藏的歌曲中搜索/,
    openLibrary: '打开音乐库',
    heading: '已收藏的歌曲',
    removedTab: '已从 Spotify 移除',
    restoreTab: '从文件恢复',
    count: /^[\d,]+ 首歌曲/,
    search: '搜索歌名、艺人、专辑',
    column: '艺人',
  },
  {
    lang: 'zh-TW',
    signIn: '用 Spotify 登入',
    syncNow: '立即同步',
    signOut: '登出',
    synced: /已同步/,
    placeholder: /在 [\d,]+ 首已收藏的歌曲中搜尋/,
    openLibrary: '開啟音樂庫',
    heading: '已收藏的歌曲',
    removedTab: '已從 Spotify 移除',
    restoreTab: '從檔案還原',
    count: /^[\d,]+ 首歌曲/,
    search: '搜尋歌名、藝人、專輯',
    column: '藝人',
  },
] as const;

describe.each(LANGUAGES)('the UI with --lang=$lang', (words) => {
  let world: TestWorld;
  afterEach(async () => {
    await world?.close();
  });

  it('shows the popup and the library page in that language, with the same data-* names', async () => {
    world = await startWorld({}, { args: [`--lang=${words.lang}`] });
    const popupPage = await world.extension.openPage('/popup.html');
    await expect.poll(() => popupPage.evaluate(() => document.documentElement.lang)).toBe(words.lang);
    const signIn = popupPage.getByRole('button', { name: words.signIn });
    await signIn.click();
    await popupPage.locator('[data-sync-state="ready"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => popupPage.locator('[data-sync-state] .sync-headline').textContent()).toMatch(words.synced);
    expect(await popupPage.getByRole('button', { name: words.syncNow }).count()).toBe(1);
    expect(await popupPage.getByRole('button', { name: words.signOut }).count()).toBe(1);
    await expect.poll(() => popupPage.locator('input[type="search"]').getAttribute('placeholder')).toMatch(words.placeholder);
    expect(await popupPage.getByRole('link', { name: words.openLibrary }).count()).toBe(1);
    // No English left on the popup's screen: what is Latin there is data (titles, artists) or names.
    const shown = await popupPage.locator('main').evaluate((main) => {
      const clone = main.cloneNode(true) as HTMLElement;
      for (const row of clone.querySelectorAll('[data-track-id], .account-name, h1')) row.remove();
      return clone.textContent;
    });
    expect(shown).not.toMatch(/\b(Sync|Sign|Search|Open|Options|saved|tracks?)\b/);

    const libraryPage = await world.extension.openPage('/library.html');
    await libraryPage.locator('[data-library-total]').waitFor();
    expect(await libraryPage.locator('h1').textContent()).toBe(words.heading);
    expect(await libraryPage.getByRole('link', { name: words.removedTab }).count()).toBe(1);
    expect(await libraryPage.getByRole('link', { name: words.restoreTab }).count()).toBe(1);
    expect(await libraryPage.locator('[data-library-total]').textContent()).toMatch(words.count);
    expect(await libraryPage.locator('input[type="search"]').getAttribute('placeholder')).toBe(words.search);
    expect(await libraryPage.getByRole('button', { name: words.column }).count()).toBe(1);
    expect(await libraryPage.title()).toMatch(/^Tracklight /);
  });
});
