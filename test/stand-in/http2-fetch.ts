/**
 * `fetch` over HTTP/2 for Node clients of the TLS stand-in (tests, the bench's probes). Node's
 * own fetch speaks HTTP/1.1 only and takes no certificate to trust per call; this one opens one
 * HTTP/2 session per origin, trusting only the stand-in's certificate, and multiplexes every
 * request on it as Chromium does. Enough of fetch for the extension's API client and the
 * tests: method, headers, a string body, `redirect: 'manual'` (redirects are never followed),
 * `signal`.
 *
 *   const fetch = createHttp2Fetch();
 *   const response = await fetch(`${standIn.apiBase}/me`, { headers: { authorization } });
 *   fetch.close();
 */
import { connect, constants, type ClientHttp2Session, type IncomingHttpHeaders } from 'node:http2';
import { STAND_IN_CERTIFICATE } from './server';

export interface Http2Fetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Closes the sessions (requests in flight finish first). */
  close(): void;
}

export function createHttp2Fetch(): Http2Fetch {
  const sessions = new Map<string, ClientHttp2Session>();

  function sessionFor(origin: string): ClientHttp2Session {
    let session = sessions.get(origin);
    if (!session || session.closed || session.destroyed) {
      session = connect(origin, { ca: STAND_IN_CERTIFICATE });
      // A session the server cut (stand-in closed) is replaced on the next request.
      session.on('error', () => sessions.delete(origin));
      session.on('close', () => sessions.delete(origin));
      sessions.set(origin, session);
    }
    return session;
  }

  const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request?.url ?? input.toString());
      const signal = init.signal ?? request?.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const headers: Record<string, string> = {
        ':method': init.method ?? request?.method ?? 'GET',
        ':path': `${url.pathname}${url.search}`,
      };
      new Headers(init.headers ?? request?.headers).forEach((value, name) => {
        headers[name] = value;
      });
      // As fetch does for a form body.
      if (init.body instanceof URLSearchParams) headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
      const stream = sessionFor(url.origin).request(headers);
      const onAbort = () => {
        stream.close(constants.NGHTTP2_CANCEL);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const chunks: Buffer[] = [];
      let responseHeaders: IncomingHttpHeaders | undefined;
      stream.on('response', (received) => (responseHeaders = received));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        if (!responseHeaders) return reject(new TypeError('fetch failed: no response'));
        const status = Number(responseHeaders[':status']);
        const responseInit = { status, headers: toHeaders(responseHeaders) };
        const hasBody = status !== 204 && status !== 304;
        resolve(new Response(hasBody ? Buffer.concat(chunks) : null, responseInit));
      });
      // Like fetch: a reset stream or a cut connection rejects with a TypeError.
      stream.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(new TypeError('fetch failed', { cause: error }));
      });
      if (init.body !== undefined && init.body !== null) stream.end(String(init.body));
      else stream.end();
    });

  return Object.assign(fetch, {
    close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  });
}

function toHeaders(received: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}
