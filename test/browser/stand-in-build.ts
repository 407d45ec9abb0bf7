import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Where the stand-in build talks to and where it is written. `.env.standin` chooses the port;
 * `TRACKLIGHT_STANDIN_PORT` overrides it so that several runs (tests, demo, bench) can work
 * side by side, each with its own stand-in and its own build directory.
 *
 * `TRACKLIGHT_STANDIN_TLS=1` makes it a build for the stand-in's HTTP/2 mode: `https://` bases,
 * its own build directory (`…-tls`), and Chromium launched with `--ignore-certificate-errors`
 * (the stand-in's certificate is self-signed). The bench syncs that way, as Chromium talks
 * HTTP/2 to api.spotify.com; tests and the demo stay on HTTP/1.1 unless told.
 */
function standInEnv(): Record<string, string | undefined> {
  return parseEnv(readFileSync(resolve(import.meta.dirname, '../../.env.standin'), 'utf8'));
}

const DEFAULT_PORT = Number(new URL(standInEnv().WXT_SPOTIFY_ACCOUNTS_BASE!).port);

export function standInPort(): number {
  return Number(process.env.TRACKLIGHT_STANDIN_PORT) || DEFAULT_PORT;
}

/** Whether the stand-in build talks HTTP/2 over TLS to the stand-in (`TRACKLIGHT_STANDIN_TLS=1`). */
export function standInTls(): boolean {
  return ['1', 'true'].includes(process.env.TRACKLIGHT_STANDIN_TLS ?? '');
}

export function standInBuildClientId(): string {
  return standInEnv().WXT_SPOTIFY_CLIENT_ID!;
}

/** The browsers the stand-in build is made for: Chromium's, and Firefox's (`wxt build -b firefox`). */
export type StandInBrowser = 'chrome' | 'firefox';

/**
 * `.output/chrome-mv3-standin` (`firefox-mv3-standin` for Firefox), `…-standin-<port>` for
 * another port, `…-tls` for the TLS build.
 */
export function standInBuildDirName(browser: StandInBrowser = 'chrome'): string {
  const name = `${browser}-mv3-standin`;
  const base = standInPort() === DEFAULT_PORT ? name : `${name}-${standInPort()}`;
  return standInTls() ? `${base}-tls` : base;
}

export function standInBuildDir(browser: StandInBrowser = 'chrome'): string {
  return resolve(import.meta.dirname, '../../.output', standInBuildDirName(browser));
}

/** The build-time variables (SPEC §2) that point an extension build at the stand-in. */
export function standInBuildEnv(): Record<string, string> {
  const origin = `${standInTls() ? 'https' : 'http'}://127.0.0.1:${standInPort()}`;
  return {
    WXT_SPOTIFY_API_BASE: `${origin}/v1`,
    WXT_SPOTIFY_ACCOUNTS_BASE: origin,
    WXT_SPOTIFY_CLIENT_ID: standInBuildClientId(),
  };
}
