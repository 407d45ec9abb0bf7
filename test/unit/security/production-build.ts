/**
 * `tsx test/unit/security/production-build.ts OUT_DIR BROWSER`: the production build (no stand-in
 * variables, SPEC §2) into OUT_DIR, for the manifest and bundle checks in security-review.test.ts.
 * Its own process: WXT's build loads the config and its Vite plugins, which a test worker
 * running WXT's test plugin should not share.
 */
import { build } from 'wxt';

const [outDir, browser = 'chrome'] = process.argv.slice(2);
if (!outDir) throw new Error('usage: production-build.ts OUT_DIR [chrome|firefox]');
for (const name of Object.keys(process.env)) if (name.startsWith('WXT_')) delete process.env[name];
process.env.NODE_ENV = 'production';
await build({ outDir, browser, mode: 'production' });
