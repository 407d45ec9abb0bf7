/**
 * Whether the built extension sets a performance mark at all: the popup and library page
 * figures wait for marks that a page may not set yet, and waiting out a timeout per open to
 * find that out would cost the bench a minute. The mark names are string literals, so they
 * are in the built scripts when the code is.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { standInBuildDir } from '../../test/browser/stand-in-build';

async function scriptsOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return scriptsOf(path);
      return entry.name.endsWith('.js') ? [path] : [];
    }),
  );
  return nested.flat();
}

export async function buildSetsMark(mark: string, dir = standInBuildDir()): Promise<boolean> {
  for (const script of await scriptsOf(dir)) {
    if ((await readFile(script, 'utf8')).includes(mark)) return true;
  }
  return false;
}
