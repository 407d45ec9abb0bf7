import { i18n } from '#i18n';

/**
 * The UI's words (SPEC §1 item 7): `browser.i18n` messages from `locales/*.yml`, in the browser's
 * language (English, Simplified or Traditional Chinese; English for any other). Typed keys:
 * `t('popup.syncNow')`; named substitutions: `t('sync.pausedUntil', { time })`; plurals:
 * `t('counts.tracks', n, { count: formatCount(n) })`.
 *
 * The background translates too, at the source: an extension has one UI language for all its
 * pages and its service worker, so a sentence it stores or throws is already in the language the
 * pages show. See docs/i18n.md.
 */
export const t: typeof i18n.t = ((...args: Parameters<UntypedT>) => (hasMessages() ? (i18n.t as UntypedT)(...args) : args[0])) as typeof i18n.t;

type UntypedT = (key: string, ...rest: unknown[]) => string;

/**
 * Outside the extension — Node scripts (bench, demo) that run lib/ code, a page's workers — there
 * is no `browser.i18n`: the key stands in for the words there, rather than a crash on an error path.
 */
function hasMessages(): boolean {
  const global = globalThis as { chrome?: { i18n?: unknown }; browser?: { i18n?: unknown } };
  return Boolean(global.browser?.i18n ?? global.chrome?.i18n);
}

let locale: string | undefined;

/**
 * The BCP 47 tag `Intl` formats numbers and dates with: the browser's UI language when the
 * messages are in that language (so en-GB gets "12 Mar 2024"), else the messages' own language
 * (a French browser reads English words with English numbers). Resolved on first use, not at
 * import: workers import formatting modules and have no `browser.i18n`.
 */
export function uiLocale(): string {
  if (locale === undefined) {
    const messages = t('meta.locale');
    const ui = t('@@ui_locale').replace('_', '-');
    locale = ui.split('-')[0] === messages.split('-')[0] && messages === 'en' ? ui : messages;
  }
  return locale;
}

/** For tests that change the fake browser's language. */
export function forgetUiLocale(): void {
  locale = undefined;
}

/**
 * The page's `lang` (the browser picks Chinese glyphs by it: Simplified and Traditional
 * characters differ in shape as well as in choice) and its title, before the first render.
 */
export function localizePage(title: string): void {
  document.documentElement.lang = t('meta.locale');
  document.title = title;
}
