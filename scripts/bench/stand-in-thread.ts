/**
 * The Spotify stand-in (test/stand-in) in a worker thread, driven by calls from the bench:
 * change the saved tracks, read the request log, change the latency. In a thread of its own
 * the stand-in's JSON work for 100,000 tracks does not delay the bench's timers and CDP
 * traffic; Chromium runs in its own processes anyway.
 *
 *   const standIn = await StandInThread.start({ port: 43117, library: { size: 10_000, seed: 1 }, latencyMs: 100 });
 *   await standIn.call({ op: 'add', count: 10 });
 *   const { requests, peakConcurrency } = await standIn.call({ op: 'requests' });
 *   await standIn.close();
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { createHttp2Fetch } from '../../test/stand-in/http2-fetch';
import type { Refusal } from '../../test/stand-in/rate-limiter';
import type { LoggedRequest } from '../../test/stand-in/request-log';
import type { StandInOptions } from '../../test/stand-in/server';

/** What the bench needs of a saved track: enough to type realistic queries and open its page. */
export interface StandInTrack {
  id: string;
  name: string;
  artists: string[];
  album: string;
}

export type RequestRecord = Omit<LoggedRequest, 'query'>;

/** Each call, and what it answers. */
interface StandInCalls {
  /** Saves `count` tracks at the head (as on another device); answers how many. */
  add: { call: { count: number }; value: number };
  /** Removes the items at these positions of the current list. */
  removeAt: { call: { positions: number[] }; value: number };
  setLatency: { call: { ms: number }; value: null };
  /** Spotify's rolling limit, requests per 30 s per Client ID (null: none), every window and Retry-After forgotten. */
  setRateLimit: { call: { limit: number | null }; value: null };
  /** The 429s the rate limit gave since it was last set. */
  refusals: { call: Record<never, never>; value: Refusal[] };
  /** Forgets the request log and resets the peak concurrency. */
  clearLog: { call: Record<never, never>; value: null };
  requests: { call: Record<never, never>; value: { requests: RequestRecord[]; peakConcurrency: number } };
  /** Saved items now. */
  total: { call: Record<never, never>; value: number };
  /** A valid access token for the default account, without the browser's sign-in. */
  accessToken: { call: Record<never, never>; value: string };
  /** The saved tracks at these positions (null for local files). */
  tracksAt: { call: { positions: number[] }; value: Array<StandInTrack | null> };
  /**
   * The saved tracks as Exportify's CSV (test/fixtures/exports), then removed from the account:
   * a library to restore into an empty account. Answers the CSV and the track ids in the
   * library's order (newest first).
   */
  exportAndEmpty: { call: Record<never, never>; value: { csv: string; ids: string[] } };
  /** Saved track ids, newest first. */
  savedIds: { call: Record<never, never>; value: string[] };
  /** The `uris` of every `PUT /me/library` since the log was cleared, in order. */
  savedUris: { call: Record<never, never>; value: string[][] };
  /** Ids of catalog tracks that are not saved, nor another version of a saved one. */
  unsavedIds: { call: { count: number }; value: string[] };
  close: { call: Record<never, never>; value: null };
}

type Op = keyof StandInCalls;
export type StandInCall = { [K in Op]: { op: K } & StandInCalls[K]['call'] }[Op];
export type StandInReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface StandInEndpoints {
  accountsBase: string;
  apiBase: string;
  clientId: string;
}

/** A Node client for these endpoints: Node's fetch over HTTP/1.1, or HTTP/2 trusting the stand-in's certificate. */
export function clientFor(endpoints: StandInEndpoints): { fetch: typeof fetch; close(): void } {
  if (!endpoints.apiBase.startsWith('https:')) return { fetch: globalThis.fetch.bind(globalThis), close: () => undefined };
  const http2Fetch = createHttp2Fetch();
  return { fetch: http2Fetch, close: () => http2Fetch.close() };
}

export class StandInThread {
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly worker: Worker,
    readonly endpoints: StandInEndpoints,
    /** How long generating the library and starting took, in the worker. */
    readonly startMs: number,
  ) {
    worker.on('message', (reply: StandInReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(`stand-in: ${reply.error}`));
    });
    worker.on('error', (error) => {
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  static async start(options: StandInOptions): Promise<StandInThread> {
    // Workers do not inherit tsx's loader: register it first, then load the TypeScript entry.
    const entry = new URL('./stand-in-worker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: options });
    const ready = once(worker, 'message') as Promise<[StandInEndpoints & { generatedMs: number }]>;
    // A port that is taken fails the listen() inside the worker: surface that, do not hang.
    const failed = once(worker, 'error').then(([error]) => Promise.reject(error as Error));
    const [{ generatedMs, ...endpoints }] = await Promise.race([ready, failed]);
    failed.catch(() => undefined);
    return new StandInThread(worker, endpoints, generatedMs);
  }

  call<K extends Op>(call: { op: K } & StandInCalls[K]['call']): Promise<StandInCalls[K]['value']> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...call, id });
    });
  }

  async close(): Promise<void> {
    const exited = once(this.worker, 'exit');
    await this.call({ op: 'close' });
    await exited;
  }
}
