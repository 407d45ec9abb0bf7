/**
 * `npm run build:standin`: the extension built against the Spotify stand-in (tests, demo,
 * bench), on the port of `.env.standin` or `TRACKLIGHT_STANDIN_PORT`.
 */
import { build } from 'wxt';
import { standInBuildDirName, standInBuildEnv } from '../test/browser/stand-in-build';

Object.assign(process.env, standInBuildEnv());
await build({ mode: 'standin', outDirTemplate: standInBuildDirName() });
