import { expect } from 'vitest';
import { readAllTracks, readLibrarySummary, type LibraryDb } from '../../../lib/library/store';
import type { StandIn } from '../../stand-in/server';
import { serverTracks } from './stand-in-session';

/** SPEC §4: the cache equals the server's saved tracks (order, count, and the summary's total). */
export async function expectCacheEqualsServer(db: LibraryDb, standIn: StandIn): Promise<void> {
  const cached = (await readAllTracks(db)).map((track) => `${track.uri}@${track.addedAt}`);
  const server = serverTracks(standIn);
  expect(cached.length).toBe(server.length);
  expect(cached).toEqual(server);
  const summary = await readLibrarySummary(db);
  expect(summary.total).toBe(server.length);
  expect(summary.complete).toBe(true);
}
