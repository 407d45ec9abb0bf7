import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const DEFAULT_API_BASE = 'https://api.spotify.com/v1';
const DEFAULT_ACCOUNTS_BASE = 'https://accounts.spotify.com';

/** A host permission for a configured base URL; match patterns carry no port. */
function hostPermission(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // A function, so that values from `.env.[mode]` (loaded before it runs) are seen.
  manifest: ({ browser }) => {
    const apiBase = process.env.WXT_SPOTIFY_API_BASE || DEFAULT_API_BASE;
    const accountsBase = process.env.WXT_SPOTIFY_ACCOUNTS_BASE || DEFAULT_ACCOUNTS_BASE;
    return {
      name: 'Tracklight',
      description:
        'Do I already have this track? Your Spotify saved tracks, searchable offline in a keystroke.',
      permissions: ['identity', 'storage', 'alarms', 'contextMenus'],
      host_permissions: [
        ...new Set([hostPermission(apiBase), hostPermission(accountsBase)]),
        'https://open.spotify.com/*',
      ],
      action: { default_title: 'Tracklight' },
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'tracklight@tracklight.app' } } }
        : {}),
    };
  },
});
