/**
 * SECURITY.md, held to the product: the production build's manifest asks for what its
 * permission table lists and nothing more, every host named in the bundle is in its host
 * table, and the source keeps the promises the threat model relies on (no HTML sinks, no
 * external message listeners, no token outside the auth module).
 *
 * The builds are the real `wxt build` for Chrome and Firefox into a temporary directory, so
 * whatever WXT adds (content-script matches, web-accessible resources) is seen too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** SPEC §10: never a required permission, whatever SECURITY.md says. */
const NEVER_REQUIRED = [
  'tabs',
  '<all_urls>',
  'webRequest',
  'webRequestBlocking',
  'cookies',
  'history',
  'scripting',
  'debugger',
  'management',
  'nativeMessaging',
  'proxy',
  'downloads',
];
/** SPEC §10: the only hosts an install may grant. */
const SPEC_HOSTS = ['https://api.spotify.com/*', 'https://accounts.spotify.com/*', 'https://open.spotify.com/*'];

// ---- SECURITY.md ----------------------------------------------------------------------------

/** The rows of the table that follows `<!-- name:` in SECURITY.md, cells without backticks. */
function documentedTable(markdown: string, name: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`<!-- ${name}:`));
  if (start < 0) throw new Error(`SECURITY.md has no table marked <!-- ${name}: … -->`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 3)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    );
  }
  return rows;
}

interface Documented {
  permissions: Set<string>;
  hosts: Set<string>;
  optionalPermissions: Set<string>;
  optionalHosts: Set<string>;
  /** Hosts that may be named anywhere in the bundle: the host table's and the permissions'. */
  namedHosts: Set<string>;
}

async function readSecurityNote(): Promise<Documented> {
  const markdown = await readFile(join(ROOT, 'SECURITY.md'), 'utf8');
  const permissionRows = documentedTable(markdown, 'permissions');
  const valuesOf = (kind: string) => new Set(permissionRows.filter(([rowKind]) => rowKind === kind).map(([, value]) => value!));
  return {
    permissions: valuesOf('permission'),
    hosts: valuesOf('host permission'),
    optionalPermissions: valuesOf('optional permission'),
    optionalHosts: valuesOf('optional host permission'),
    namedHosts: new Set([
      ...documentedTable(markdown, 'hosts').map(([host]) => host!),
      ...permissionRows.flatMap(([, value]) => /^[a-z*]+:\/\/([^/]+)\//.exec(value!)?.slice(1) ?? []),
    ]),
  };
}

// ---- the production builds ------------------------------------------------------------------

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  externally_connectable?: unknown;
  web_accessible_resources?: Array<string | { resources: string[]; matches?: string[] }>;
  content_security_policy?: string | Record<string, string>;
  browser_specific_settings?: { gecko?: { id?: string }; gecko_android?: unknown };
}

interface Build {
  browser: 'chrome' | 'firefox';
  dir: string;
  manifest: Manifest;
}

/** API permissions and host patterns, which MV2 keeps in one list. */
interface Asked {
  permissions: string[];
  hosts: string[];
  optionalPermissions: string[];
  optionalHosts: string[];
}

const isHostPattern = (value: string) => value.includes('://') || value === '<all_urls>';

function askedBy(manifest: Manifest): Asked {
  const required = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
  const optional = [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  // A manifest content script's matches are granted at install, like host permissions.
  const scriptHosts = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  return {
    permissions: required.filter((value) => !isHostPattern(value)),
    hosts: [...required.filter(isHostPattern), ...scriptHosts],
    optionalPermissions: optional.filter((value) => !isHostPattern(value)),
    optionalHosts: optional.filter(isHostPattern),
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

let outDir = '';
const builds: Build[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'tracklight-production-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const name of Object.keys(env)) if (name.startsWith('WXT_') || name.startsWith('VITEST')) delete env[name];
  // One after the other: both write WXT's generated types in .wxt/.
  for (const browser of ['chrome', 'firefox'] as const) {
    await run(process.execPath, ['--import', 'tsx', 'test/unit/security/production-build.ts', outDir, browser], {
      cwd: ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    // `chrome-mv3`, `firefox-mv2` or `firefox-mv3`, as wxt.config.ts chooses.
    const dirName = (await readdir(outDir)).find((name) => name.startsWith(`${browser}-mv`));
    if (!dirName) throw new Error(`wxt build -b ${browser} wrote nothing to ${outDir}`);
    const dir = join(outDir, dirName);
    builds.push({ browser, dir, manifest: JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest });
  }
}, 240_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

// ---- the checks -----------------------------------------------------------------------------

describe('the production manifest against SECURITY.md', () => {
  it('was built for Chrome (MV3) and Firefox', () => {
    expect(builds.map((build) => build.browser)).toEqual(['chrome', 'firefox']);
    expect(builds[0]!.manifest.manifest_version).toBe(3);
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: asks for exactly the documented permissions and hosts, and optional ones only if documented',
    async (browser) => {
      const { manifest } = builds.find((build) => build.browser === browser)!;
      const documented = await readSecurityNote();
      const asked = askedBy(manifest);
      const missing = (values: string[], from: Set<string>) => values.filter((value) => !from.has(value));

      expect(missing(asked.permissions, documented.permissions), 'permissions not in SECURITY.md').toEqual([]);
      expect(missing(asked.hosts, documented.hosts), 'host permissions not in SECURITY.md').toEqual([]);
      expect(missing(asked.optionalPermissions, documented.optionalPermissions), 'optional permissions not in SECURITY.md').toEqual([]);
      expect(missing(asked.optionalHosts, documented.optionalHosts), 'optional hosts not in SECURITY.md').toEqual([]);
      // And the note claims no required permission the extension does not ask for.
      expect(missing([...documented.permissions], new Set(asked.permissions)), 'documented but not asked for').toEqual([]);
      expect(missing([...documented.hosts], new Set(asked.hosts)), 'documented but not asked for').toEqual([]);
    },
  );

  it.each(['chrome', 'firefox'] as const)('%s: keeps SPEC §10 whatever the note says', (browser) => {
    const asked = askedBy(builds.find((build) => build.browser === browser)!.manifest);
    expect(asked.permissions.filter((permission) => NEVER_REQUIRED.includes(permission))).toEqual([]);
    expect(asked.hosts.filter((host) => !SPEC_HOSTS.includes(host))).toEqual([]);
  });

  it('firefox: a fixed add-on id, and no claim to run on Firefox for Android, which has no identity API to sign in with', () => {
    const settings = builds.find((build) => build.browser === 'firefox')!.manifest.browser_specific_settings;
    expect(settings?.gecko?.id).toBe('tracklight@tracklight.app');
    expect(settings).not.toHaveProperty('gecko_android');
  });

  it.each(['chrome', 'firefox'] as const)('%s: is closed to web pages and other extensions, and allows no eval', (browser) => {
    const { manifest } = builds.find((build) => build.browser === browser)!;
    // Without it no web page can message the background (other extensions reach only onMessageExternal).
    expect(manifest.externally_connectable).toBeUndefined();
    // No extension page can be framed or fetched by a web page (clickjacking, reading the library).
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources));
    expect(exposed.filter((resource) => /\.html?$|\*/.test(resource))).toEqual([]);
    const policies =
      typeof manifest.content_security_policy === 'string' ? [manifest.content_security_policy] : Object.values(manifest.content_security_policy ?? {});
    for (const policy of policies) expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('the production bundle against SECURITY.md', () => {
  it.each(['chrome', 'firefox'] as const)('%s: names no host that the host table does not list', async (browser) => {
    const { dir } = builds.find((build) => build.browser === browser)!;
    const { namedHosts } = await readSecurityNote();
    const named = new Map<string, string>();
    for (const file of await filesUnder(dir)) {
      if (!['.js', '.html', '.json', '.css'].includes(extname(file))) continue;
      for (const [, host] of (await readFile(file, 'utf8')).matchAll(/https?:\/\/([a-z0-9*.-]+\.[a-z]{2,})/gi)) {
        named.set(host!.toLowerCase(), file.slice(dir.length + 1));
      }
    }
    const undocumented = [...named].filter(([host]) => !namedHosts.has(host) && !namedHosts.has(host.replace(/^\*\./, '')));
    expect(undocumented, 'hosts in the bundle missing from SECURITY.md (host, file)').toEqual([]);
    // The API and accounts hosts are there: the scan sees what it should.
    expect(named.has('api.spotify.com')).toBe(true);
  });

  it.each(['chrome', 'firefox'] as const)('%s: carries no client secret and no eval', async (browser) => {
    const { dir } = builds.find((build) => build.browser === browser)!;
    for (const file of await filesUnder(dir)) {
      if (!['.js', '.html', '.json'].includes(extname(file))) continue;
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/client_secret/i);
      expect(text, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(/);
    }
  });
});

/** Source files of the product (not tests, not scripts). */
async function productSources(): Promise<Array<{ path: string; text: string }>> {
  const sources = [];
  for (const folder of ['lib', 'components', 'entrypoints']) {
    for (const file of await filesUnder(join(ROOT, folder))) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      sources.push({ path: file.slice(ROOT.length + 1), text: await readFile(file, 'utf8') });
    }
  }
  return sources;
}

describe('the source keeps the promises of the threat model', () => {
  it.each<[string, RegExp]>([
    [
      'renders no data as HTML (names are text nodes)',
      /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(|createContextualFragment|DOMParser/,
    ],
    ['listens to no other extension or web page', /onMessageExternal\.addListener|onConnectExternal\.addListener/],
    ['never exposes storage.session to content scripts', /setAccessLevel/],
    ['runs no code from strings', /\beval\s*\(|new\s+Function\s*\(|setTimeout\(\s*['"`]/],
  ])('%s', async (_promise, forbidden) => {
    const offending = (await productSources()).filter((source) => forbidden.test(source.text)).map((source) => source.path);
    expect(offending).toEqual([]);
  });

  it('keeps tokens inside the auth module and its session store', async () => {
    const mentions = (await productSources())
      .filter((source) => /accessToken|refreshToken|access_token|refresh_token/.test(source.text))
      .map((source) => source.path)
      .sort();
    expect(mentions).toEqual(['lib/spotify/auth.ts', 'lib/spotify/session-store.ts']);
  });

  it('has SECURITY.md at the top of the project', () => {
    expect(existsSync(join(ROOT, 'SECURITY.md'))).toBe(true);
  });
});
