/**
 * Runs the Spotify stand-in until Ctrl-C:
 *
 *   npx tsx test/stand-in/cli.ts --port 43117 --size 3000 --latency 0 --seed 1 [--rate-limit 120] [--consent-page] [--tls]
 *
 * and prints the URLs, the Client ID, and the build variables that point the extension at it.
 * `--tls`: HTTP/2 over TLS with the self-signed certificate of tls/ (the build for it:
 * TRACKLIGHT_STANDIN_TLS=1 npm run build:standin; Chromium needs --ignore-certificate-errors).
 * `--rate-limit L`: Spotify's rolling limit, L Web API requests per 30 s per Client ID (rate-limiter.ts).
 */
import { parseArgs } from 'node:util';
import { startStandIn } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '43117' },
    host: { type: 'string', default: '127.0.0.1' },
    size: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    'rate-limit': { type: 'string' },
    'consent-page': { type: 'boolean', default: false },
    tls: { type: 'boolean', default: false },
  },
});

const started = performance.now();
const standIn = await startStandIn({
  port: integer('port', values.port),
  host: values.host,
  library: { size: integer('size', values.size), seed: integer('seed', values.seed) },
  latencyMs: integer('latency', values.latency),
  consentPage: values['consent-page'],
  tls: values.tls,
  rateLimit: values['rate-limit'] === undefined ? undefined : positive('rate-limit', values['rate-limit']),
});

console.log(`Spotify stand-in ready in ${Math.round(performance.now() - started)} ms: ${standIn.library.total} saved tracks for ${standIn.user.display_name}
  accounts   ${standIn.accountsBase}/authorize, ${standIn.accountsBase}/api/token
  Web API    ${standIn.apiBase}
  Client ID  ${standIn.clientId}
  rate limit ${standIn.rateLimit.limit === null ? 'none' : `${standIn.rateLimit.limit} requests per rolling 30 s per Client ID`}

Build the extension against it with:
${Object.entries(standIn.buildEnv).map(([name, value]) => `  ${name}=${value}`).join('\n')}

Ctrl-C to stop.`);

process.once('SIGINT', () => {
  void standIn.close().then(() => process.exit(0));
});

function integer(name: string, value: string | undefined): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a whole number ≥ 0, got ${value}`);
    process.exit(2);
  }
  return parsed;
}

function positive(name: string, value: string): number {
  const parsed = integer(name, value);
  if (parsed === 0) {
    console.error(`--${name} must be at least 1`);
    process.exit(2);
  }
  return parsed;
}
