import { existsSync } from 'node:fs';

/**
 * The Firefox the Firefox suite drives: `FIREFOX_PATH`, else Debian's ESR. Never a downloaded
 * build (no internet here). Fails loudly instead of letting the suite skip.
 */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error('No Firefox found. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to its executable.');
  }
  return found;
}
