/**
 * Runs the Spotify stand-in until Ctrl-C:
 *
 *   npx tsx test/stand-in/cli.ts --port 43117 --size 3000 --latency 0 --seed 1 [--rate-limit 120] [--consent-page] [--tls]
 *
 * and, to behave like the real service in development mode (SPEC §3, §9):
 *   --refuse premium-required|user-not-registered [--refuse-as text]   every Web API call 403s
 *   --client-id ID [--redirect-uri URI ...]   the one registered app (the build's is then unknown),
 *                                             and its exact redirect URIs (default: any extension's)
 *   --token-invalid-client                    the token endpoint answers invalid_client
 *   --unavailable K                           K saved tracks left out of pages, counted in total
 *   --refresh-token-lifetime SECONDS          default six months; 0 never expires
 *
 * and prints the URLs, the Client ID, and the build variables that point the extension at it.
 * `--tls`: HTTP/2 over TLS with the self-signed certificate of tls/ (the build for it:
 * TRACKLIGHT_STANDIN_TLS=1 npm run build:standin; Chromium needs --ignore-certificate-errors).
 * `--rate-limit L`: Spotify's rolling limit, L Web API requests per 30 s per Client ID (rate-limiter.ts).
 */
import { parseArgs } from 'node:util';
import { STAND_IN_CLIENT_ID } from './accounts-service';
import { isRefusalProblem } from './refusals';
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
    refuse: { type: 'string' },
    'refuse-as': { type: 'string', default: 'json' },
    'client-id': { type: 'string', default: STAND_IN_CLIENT_ID },
    'redirect-uri': { type: 'string', multiple: true },
    'token-invalid-client': { type: 'boolean', default: false },
    unavailable: { type: 'string', default: '0' },
    'refresh-token-lifetime': { type: 'string' },
  },
});

const refuse = values.refuse;
if (refuse !== undefined && !isRefusalProblem(refuse)) fail(`--refuse must be premium-required or user-not-registered, got ${refuse}`);
const refuseAs = values['refuse-as'];
if (refuseAs !== 'json' && refuseAs !== 'text') fail(`--refuse-as must be json or text, got ${refuseAs}`);

const started = performance.now();
const standIn = await startStandIn({
  port: integer('port', values.port),
  host: values.host,
  library: { size: integer('size', values.size), seed: integer('seed', values.seed) },
  latencyMs: integer('latency', values.latency),
  consentPage: values['consent-page'],
  tls: values.tls,
  rateLimit: values['rate-limit'] === undefined ? undefined : positive('rate-limit', values['rate-limit']),
  clients: [{ clientId: values['client-id'], redirectUris: values['redirect-uri'] }],
  refusal: refuse === undefined ? null : { problem: refuse, format: refuseAs },
  tokenRefusesClient: values['token-invalid-client'],
  unavailable: integer('unavailable', values.unavailable),
  refreshTokenLifetimeSec: values['refresh-token-lifetime'] === undefined ? undefined : integer('refresh-token-lifetime', values['refresh-token-lifetime']),
});

console.log(`Spotify stand-in ready in ${Math.round(performance.now() - started)} ms: ${standIn.library.total} saved tracks for ${standIn.user.display_name}
  accounts   ${standIn.accountsBase}/authorize, ${standIn.accountsBase}/api/token
  Web API    ${standIn.apiBase}
  Client ID  ${standIn.clientId}
  rate limit ${standIn.rateLimit.limit === null ? 'none' : `${standIn.rateLimit.limit} requests per rolling 30 s per Client ID`}

Build the extension against it with:
${Object.entries(standIn.buildEnv)
  .map(([name, value]) => `  ${name}=${value}`)
  .join('\n')}

Ctrl-C to stop.`);

process.once('SIGINT', () => {
  void standIn.close().then(() => process.exit(0));
});

function integer(name: string, value: string | undefined): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) fail(`--${name} must be a whole number ≥ 0, got ${value}`);
  return parsed;
}

function positive(name: string, value: string): number {
  const parsed = integer(name, value);
  if (parsed === 0) fail(`--${name} must be at least 1`);
  return parsed;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
