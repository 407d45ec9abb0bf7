/**
 * The stand-in in a worker thread, for benchmarks: on its own core it costs the client
 * nothing, as a real server would not. Posts its endpoints once listening, then answers
 * commands that change the saved tracks, and stops on `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startStandIn, type StandInOptions } from '../test/stand-in/server';

export type StandInCommand = { op: 'add'; count: number } | { op: 'removeAt'; positions: number[] } | { op: 'close' };

const port = parentPort!;
const standIn = await startStandIn(workerData as StandInOptions);
port.postMessage({ accountsBase: standIn.accountsBase, apiBase: standIn.apiBase, clientId: standIn.clientId });
port.on('message', (command: StandInCommand) => {
  if (command.op === 'add') standIn.library.add(command.count);
  if (command.op === 'removeAt') standIn.library.removeAt(command.positions);
  if (command.op === 'close') void standIn.close().then(() => port.close());
  else port.postMessage({ done: command.op });
});
