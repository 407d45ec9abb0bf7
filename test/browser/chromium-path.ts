import { existsSync } from 'node:fs';

/**
 * The Chromium the tests, demo and bench drive: `CHROMIUM_PATH`, else Debian's. Never a
 * Playwright download (no internet here). Fails loudly instead of letting a suite skip.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error('No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.');
  }
  return found;
}
