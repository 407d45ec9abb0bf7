/**
 * `npm run lint:firefox` (part of `npm test`): the Firefox add-on as it would go to AMO.
 * `wxt zip -b firefox` makes the add-on zip and the sources zip AMO asks for; then
 *  - `web-ext lint` on the add-on zip's content, where a warning fails like an error (AMO
 *    shows warnings to its reviewers), but for the one in ANDROID_NOT_CLAIMED;
 *  - the sources zip, built on its own with this checkout's node_modules (what `npm ci`
 *    installs from its package-lock.json), must give the add-on's files byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const addonZip = join(root, '.output', `${name}-${version}-firefox.zip`);
const sourcesZip = join(root, '.output', `${name}-${version}-sources.zip`);

interface LintMessage {
  code: string;
  message: string;
  description: string;
}

/**
 * The manifest has no `gecko_android` on purpose: Firefox for Android has no identity API to
 * sign in with, and AMO marks an add-on Android-compatible only when that key is there (Mozilla
 * add-ons blog, 2023-10-05, "Changes to Android extension signing"). Without it, the linter
 * takes `gecko.strict_min_version` (140) for Android too and warns that
 * `data_collection_permissions` needs Android 142: about a platform the add-on does not claim.
 */
const ANDROID_NOT_CLAIMED = (warning: LintMessage) =>
  warning.code === 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION' && warning.description.includes('data_collection_permissions');

/** `web-ext lint`: any error, notice or warning fails, but the warning above. */
function lint(sourceDir: string): void {
  const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--no-config-discovery', '--output', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(result.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const findings = [...report.errors, ...report.notices, ...report.warnings.filter((warning) => !ANDROID_NOT_CLAIMED(warning))];
  if (findings.length > 0) {
    throw new Error(`web-ext lint: ${findings.map((finding) => `${finding.code}: ${finding.message} (${finding.description})`).join('\n')}`);
  }
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function extract(zipPath: string, into: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(into, entry.name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
  }
}

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

const work = await mkdtemp(join(tmpdir(), 'tracklight-firefox-package-'));
try {
  run('npx', ['wxt', 'zip', '-b', 'firefox'], root);

  const addonDir = join(work, 'addon');
  await extract(addonZip, addonDir);
  lint(addonDir);

  const sourcesDir = join(work, 'sources');
  await extract(sourcesZip, sourcesDir);
  await symlink(join(root, 'node_modules'), join(sourcesDir, 'node_modules'), 'dir');
  run(join(root, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], sourcesDir);
  const [shipped, rebuilt] = await Promise.all([filesUnder(addonDir), filesUnder(join(sourcesDir, '.output', 'firefox-mv3'))]);
  const differing = [...new Set([...shipped.keys(), ...rebuilt.keys()])].filter(
    (path) => !shipped.get(path)?.equals(rebuilt.get(path) ?? Buffer.alloc(0)) || !rebuilt.has(path),
  );
  if (differing.length > 0) {
    throw new Error(`The sources zip does not build the add-on it ships with; these files differ: ${differing.sort().join(', ')}`);
  }
  console.log(
    `✔ ${relative(root, addonZip)}: web-ext lint clean (Android not claimed); ${relative(root, sourcesZip)} rebuilds its ${shipped.size} files exactly.`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
