/**
 * The comparison row: the plainest correct full sync — one page of 50 at a time, each request
 * waiting for the one before — against the same stand-in at the same latency, so the
 * extension's speed-up is a ratio measured side by side rather than an absolute time on a
 * noisy machine. It runs in Node and stores nothing, which only flatters it.
 */
import { clientFor, type StandInThread } from './stand-in-thread';

const PAGE_SIZE = 50;

export interface NaiveSyncFigures {
  ms: number;
  requests: number;
  tracks: number;
}

export async function naiveSequentialSync(standIn: StandInThread): Promise<NaiveSyncFigures> {
  const token = await standIn.call({ op: 'accessToken' });
  const client = clientFor(standIn.endpoints);
  const started = performance.now();
  let requests = 0;
  let tracks = 0;
  let total = Infinity;
  try {
    for (let offset = 0; offset < total; offset += PAGE_SIZE) {
      const response = await client.fetch(`${standIn.endpoints.apiBase}/me/tracks?limit=${PAGE_SIZE}&offset=${offset}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      requests++;
      if (!response.ok) throw new Error(`naive sync: HTTP ${response.status} at offset ${offset}`);
      const page = (await response.json()) as { total: number; items: unknown[] };
      total = page.total;
      tracks += page.items.length;
    }
  } finally {
    client.close();
  }
  return { ms: performance.now() - started, requests, tracks };
}
