import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** What `.env.standin` baked into the stand-in build: the one place the port is chosen. */
function standInEnv(): Record<string, string | undefined> {
  return parseEnv(readFileSync(resolve(import.meta.dirname, '../../.env.standin'), 'utf8'));
}

export function standInPort(): number {
  return Number(new URL(standInEnv().WXT_SPOTIFY_ACCOUNTS_BASE!).port);
}

export function standInBuildClientId(): string {
  return standInEnv().WXT_SPOTIFY_CLIENT_ID!;
}
