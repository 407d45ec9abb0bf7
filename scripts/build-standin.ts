/**
 * `npm run build:standin`: the extension built against the Spotify stand-in (tests, demo,
 * bench), on the port of `.env.standin` or `TRACKLIGHT_STANDIN_PORT`.
 */
import { build } from 'wxt';
import { standInBuildDirName, standInBuildEnv } from '../test/browser/stand-in-build';

// A mode other than 'production' makes Vite build for development (Preact's debug JSX and
// devtools hook included): rendering result rows took 677 ms in that build against 21 ms in
// production. The stand-in build must be the product users get, only pointed elsewhere.
Object.assign(process.env, standInBuildEnv(), { NODE_ENV: 'production' });
await build({ mode: 'standin', outDirTemplate: standInBuildDirName() });
