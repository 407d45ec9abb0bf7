import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** A locale the extension ships: `locales/<name>.yml`. */
export type Locale = 'en' | 'zh_CN' | 'zh_TW';
export const LOCALES: readonly Locale[] = ['en', 'zh_CN', 'zh_TW'];

/** One locale's messages as the build writes them to `_locales/<locale>/messages.json`. */
export async function readMessages(locale: Locale): Promise<Record<string, string>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '..', 'locales', `${locale}.yml`));
  const chrome = generateChromeMessages(parsed) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(chrome).map(([key, { message }]) => [key, message]));
}

/**
 * `browser.i18n.getMessage` as Chromium does it: `$1`…`$9` replaced by the substitutions, `$$`
 * a dollar sign, '' for an unknown key.
 */
export function getMessageFrom(messages: Record<string, string>, uiLocale: string) {
  return (name: string, substitutions?: string | string[]): string => {
    if (name === '@@ui_locale') return uiLocale;
    if (name === '@@bidi_dir') return 'ltr';
    const message = messages[name];
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  };
}
