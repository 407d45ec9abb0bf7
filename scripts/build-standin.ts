/**
 * `npm run build:standin`: the extension built against the Spotify stand-in (tests, demo,
 * bench), on the port of `.env.standin` or `TRACKLIGHT_STANDIN_PORT`.
 * `npm run build:standin -- --browser firefox` makes the Firefox build (`wxt build -b firefox`).
 */
import { parseArgs } from 'node:util';
import { build } from 'wxt';
import { standInBuildDirName, standInBuildEnv, type StandInBrowser } from '../test/browser/stand-in-build';

const { values } = parseArgs({ options: { browser: { type: 'string', default: 'chrome' } } });
if (values.browser !== 'chrome' && values.browser !== 'firefox') {
  throw new Error(`--browser must be chrome or firefox, not ${values.browser}`);
}
const browser: StandInBrowser = values.browser;

// A mode other than 'production' makes Vite build for development (Preact's debug JSX and
// devtools hook included): rendering result rows took 677 ms in that build against 21 ms in
// production. The stand-in build must be the product users get, only pointed elsewhere.
Object.assign(process.env, standInBuildEnv(), { NODE_ENV: 'production' });
await build({ browser, mode: 'standin', outDirTemplate: standInBuildDirName(browser) });
