/**
 * How fast the stand-in itself can serve pages of `GET /me/tracks` on this machine right now,
 * from Node at the sync's concurrency with no latency, over the protocol the extension uses. On 2 cores the stand-in, Chromium and
 * the bench share the CPU: when the extension's full sync comes close to pages ÷ this rate,
 * the figure measures the stand-in, not the extension. The full-sync rows print it.
 */
import { clientFor, type StandInThread } from './stand-in-thread';

const PAGES = 100;
const CONCURRENCY = 8;

/** Pages per second. The latency is 0 meanwhile and restored after. */
export async function measureStandInCapacity(standIn: StandInThread, latencyMs: number): Promise<number> {
  const token = await standIn.call({ op: 'accessToken' });
  const total = await standIn.call({ op: 'total' });
  await standIn.call({ op: 'setLatency', ms: 0 });
  const client = clientFor(standIn.endpoints);
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PAGES) {
          const offset = (50 * next++) % Math.max(50, total);
          const response = await client.fetch(`${standIn.endpoints.apiBase}/me/tracks?limit=50&offset=${offset}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await response.text();
        }
      }),
    );
    return PAGES / ((performance.now() - started) / 1000);
  } finally {
    client.close();
    await standIn.call({ op: 'setLatency', ms: latencyMs });
    await standIn.call({ op: 'clearLog' });
  }
}
