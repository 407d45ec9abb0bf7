/**
 * The stand-in's side of StandInThread (stand-in-thread.ts): runs in a worker thread, so that
 * serving 100,000 tracks at 100 ms per request costs the bench's own event loop nothing, as a
 * real server would not. Answers numbered calls until `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { exportifyCsv } from '../../test/fixtures/exports/exportify-csv';
import { startStandIn, type StandInOptions } from '../../test/stand-in/server';
import type { SavedTrackObject } from '../../test/stand-in/spotify-types';
import type { StandInCall, StandInReply, StandInTrack } from './stand-in-thread';

const port = parentPort!;
const started = performance.now();
const standIn = await startStandIn(workerData as StandInOptions);
port.postMessage({
  accountsBase: standIn.accountsBase,
  apiBase: standIn.apiBase,
  clientId: standIn.clientId,
  generatedMs: performance.now() - started,
});

function answer(call: StandInCall): unknown {
  switch (call.op) {
    case 'add':
      return standIn.library.add(call.count).length;
    case 'removeAt':
      return standIn.library.removeAt(call.positions).length;
    case 'setLatency':
      standIn.latencyMs = call.ms;
      return null;
    case 'setRateLimit':
      standIn.rateLimit.limit = call.limit;
      standIn.rateLimit.reset();
      return null;
    case 'refusals':
      return standIn.rateLimit.refusals();
    case 'clearLog':
      standIn.clearLog();
      return null;
    case 'requests':
      // Queries stay behind: thousands of entries cross the thread boundary for each sync.
      return { requests: standIn.requests.map(({ query: _query, ...request }) => request), peakConcurrency: standIn.peakConcurrency };
    case 'total':
      return standIn.library.total;
    case 'accessToken':
      return standIn.auth.issueTokens().access_token;
    case 'tracksAt':
      return call.positions.map((position) => trackOf(standIn.library.page(position, 1)[0] as SavedTrackObject | undefined));
    case 'exportAndEmpty': {
      const saved = standIn.library.saved();
      standIn.library.removeAt(saved.map((_, position) => position));
      return { csv: exportifyCsv(saved), ids: saved.flatMap((item) => (item.track.is_local ? [] : [item.track.id])) };
    }
    case 'savedIds':
      return standIn.library.savedIds();
    case 'savedUris':
      return standIn.requests
        .filter((request) => request.method === 'PUT' && request.path === '/v1/me/library')
        .map((request) => request.query.uris?.split(',') ?? []);
    case 'unsavedIds': {
      // Not another version of a saved track: those turn the badge from + to ≈ a moment later.
      const library = standIn.library;
      const otherVersions = new Set(library.idsWithOtherVersion().map((id) => library.otherVersionOf(id)!.id));
      return library
        .unsavedIds()
        .filter((id) => !otherVersions.has(id))
        .slice(0, call.count);
    }
    case 'close':
      return null;
  }
}

function trackOf(item: SavedTrackObject | undefined): StandInTrack | null {
  const track = item?.track;
  if (!track || track.id === null) return null;
  return { id: track.id, name: track.name, artists: track.artists.map((artist) => artist.name), album: track.album.name };
}

port.on('message', (call: StandInCall & { id: number }) => {
  let reply: StandInReply;
  try {
    reply = { id: call.id, ok: true, value: answer(call) };
  } catch (error) {
    reply = { id: call.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (call.op === 'close') {
    void standIn.close().then(() => {
      port.postMessage(reply);
      port.close();
    });
  } else {
    port.postMessage(reply);
  }
});
