/**
 * The stand-in on the port the stand-in build talks to (.env.standin, or
 * TRACKLIGHT_STANDIN_PORT), over HTTP/2 with TLS when the build is the TLS one. e2e runs and
 * the demo use that port too unless told otherwise, and only one of them can have it: wait a
 * while for it to be free, then give up saying what to do.
 */
import { standInPort, standInTls } from '../../test/browser/stand-in-build';
import type { LibrarySource } from '../../test/stand-in/server';
import { StandInThread } from './stand-in-thread';

const WAIT_FOR_PORT_MS = 60_000;
const RETRY_EVERY_MS = 2_000;

export async function startStandInOnBuildPort(library: LibrarySource, latencyMs: number, log: (line: string) => void): Promise<StandInThread> {
  const port = standInPort();
  const giveUpAt = Date.now() + WAIT_FOR_PORT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await StandInThread.start({ port, library, latencyMs, tls: standInTls() });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (Date.now() >= giveUpAt) {
        throw new Error(
          `Port ${port} is still in use after ${WAIT_FOR_PORT_MS / 1000} s: an e2e run, \`npm run demo\` or \`npm run stand-in\` has it. ` +
            'Stop it, or give the bench a port of its own: TRACKLIGHT_STANDIN_PORT=43200 npm run bench.',
        );
      }
      if (attempt === 0) log(`port ${port} is in use (an e2e run or the demo?): waiting up to ${WAIT_FOR_PORT_MS / 1000} s for it`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}
