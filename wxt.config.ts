import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ALL_SITE_ORIGINS, ANY_HTTPS_ORIGIN } from './lib/cross-site/sites';
import { preactWithoutInnerHtml } from './scripts/vite/preact-without-inner-html';

const DEFAULT_API_BASE = 'https://api.spotify.com/v1';
const DEFAULT_ACCOUNTS_BASE = 'https://accounts.spotify.com';

/** A host permission for a configured base URL; match patterns carry no port. */
function hostPermission(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export default defineConfig({
  imports: false,
  // Firefox too: MV3's `action` API is what the badge code calls (MV2 only has
  // `browserAction`), and `optional_host_permissions` works the same in both browsers.
  manifestVersion: 3,
  // `@wxt-dev/i18n`: `locales/*.yml` → `_locales/<locale>/messages.json` in the build, and typed
  // `i18n.t()` keys (SPEC §1 item 7; docs/i18n.md).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact(), preactWithoutInnerHtml()] }),
  zip: {
    // AMO asks for the sources of the Firefox build (`wxt zip -b firefox` adds them). Local
    // outputs that .gitignore keeps out of the repository stay out of it too.
    excludeSources: ['bench-results/**', 'demo-output/**', 'test-results/**', '**/*.log'],
  },
  // A function, so that values from `.env.[mode]` (loaded before it runs) are seen.
  manifest: ({ browser }) => {
    const apiBase = process.env.WXT_SPOTIFY_API_BASE || DEFAULT_API_BASE;
    const accountsBase = process.env.WXT_SPOTIFY_ACCOUNTS_BASE || DEFAULT_ACCOUNTS_BASE;
    return {
      // In the browser's language (locales/*.yml): the store listing and chrome://extensions too.
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // `activeTab`: when the user opens the popup, the current tab's URL, so the popup can offer
      // "Enable on this site" for that one origin (issue #14). No warning, no other tab, no other time.
      permissions: ['identity', 'storage', 'alarms', 'contextMenus', 'activeTab'],
      host_permissions: [...new Set([hostPermission(apiBase), hostPermission(accountsBase)]), 'https://open.spotify.com/*'],
      // Asked for in Options when the user switches a music site on (issue #9), never at
      // install: the site's hosts, and `scripting` to register its content script. Any https
      // origin may be asked for, one at a time, from the popup's "Enable on this site" (#14).
      optional_host_permissions: [...ALL_SITE_ORIGINS, ANY_HTTPS_ORIGIN],
      optional_permissions: ['scripting'],
      // WXT takes the action's title from the popup's <title>: the product's name, the same in every language.
      action: { default_title: 'Tracklight' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                // Fixed, so the identity redirect URI (https://<hash of this id>.extensions.allizom.org/) never changes.
                id: 'tracklight@tracklight.app',
                // 140 (ESR): MV3 host permissions granted at install (127+), data_collection_permissions (140+).
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              // No gecko_android: Firefox for Android has no identity API, so sign-in cannot work there.
            },
          }
        : {}),
    };
  },
});
