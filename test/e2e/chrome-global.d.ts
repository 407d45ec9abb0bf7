/**
 * Code the e2e tests evaluate inside the extension's pages and service worker uses the
 * browser's own `chrome` object; @wxt-dev/browser describes it.
 */
declare const chrome: typeof import('@wxt-dev/browser').browser;
