/**
 * SPEC §9: schema upgrades keep the user's data, in the browser that runs them. The unit tests
 * (test/unit/faults/schema-upgrade.test.ts) run every upgrade on fake-indexeddb; this one runs
 * the newest on Chromium's IndexedDB, on a library a sync wrote and then turned back into the
 * previous version's layout, as an extension update finds it after a browser restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryDbName, LIBRARY_DB_VERSION } from '../../lib/library/db';
import type { AppStatus } from '../../lib/status';
import { launchExtension } from '../browser/launch-extension';
import { standInPort, standInTls } from '../browser/stand-in-build';
import { startStandIn } from '../stand-in/server';
import { expectedResults, ROWS_SHOWN, wordOfArtistAt } from './expected-search';
import { worldOf, type TestWorld } from './fixtures';

let world: TestWorld | undefined;
let profile: string | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  if (profile) await rm(profile, { recursive: true, force: true });
  profile = undefined;
});

/**
 * Rewrites the library database as schema version 2 wrote it (run in an extension page): the
 * same records, each search chunk's keys as an array of strings. Returns the search chunks
 * rewritten.
 */
async function rewriteAsVersion2(name: string): Promise<number> {
  const request = <T>(pending: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.onsuccess = () => resolve(pending.result);
      pending.onerror = () => reject(pending.error);
    });
  const current = await request(indexedDB.open(name));
  const stores = [...current.objectStoreNames];
  const reading = current.transaction(stores);
  const contents = await Promise.all(stores.map((store) => request(reading.objectStore(store).getAll())));
  current.close();
  await request(indexedDB.deleteDatabase(name));

  const opening = indexedDB.open(name, 2);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('trackChunks', { keyPath: ['gen', 'seq'] });
    db.createObjectStore('searchChunks', { keyPath: ['gen', 'seq'] });
    db.createObjectStore('idBuckets', { keyPath: ['gen', 'bucket'] });
    db.createObjectStore('isrcBuckets', { keyPath: ['gen', 'bucket'] });
    db.createObjectStore('stagedPages', { keyPath: ['gen', 'offset'] });
    db.createObjectStore('removedTracks', { keyPath: 'uri' }).createIndex('removedAt', 'removedAt');
    db.createObjectStore('restoreJob', { keyPath: 'key' });
    const transaction = opening.transaction!;
    stores.forEach((store, index) => {
      for (const record of contents[index]!) {
        const value = store === 'searchChunks' ? { ...record, keys: (record.keys as string).split('\n').slice(0, -1) } : record;
        transaction.objectStore(store).put(value);
      }
    });
  };
  (await request(opening)).close();
  return contents[stores.indexOf('searchChunks')]!.length;
}

describe('a library written by the previous schema version', () => {
  it('is upgraded by Chromium when the popup opens it, and searched as the stand-in lists it', { timeout: 120_000 }, async () => {
    profile = await mkdtemp(join(tmpdir(), 'tracklight-upgrade-'));
    const standIn = await startStandIn({ library: { size: 2500, seed: 21 }, port: standInPort(), tls: standInTls() });
    world = worldOf(standIn, await launchExtension({ userDataDir: profile }));
    const popup = await world.openPopup();
    await popup.signIn();
    await popup.waitForSyncState('ready', 60_000);
    const accountKey = await popup.page.evaluate(async () => {
      const { appStatus } = (await chrome.storage.session.get('appStatus')) as { appStatus: AppStatus };
      return appStatus.account!.key;
    });
    await popup.page.close();

    const options = await world.openOptions();
    expect(await options.page.evaluate(rewriteAsVersion2, libraryDbName(accountKey))).toBe(3);
    await world.extension.close();

    world = worldOf(standIn, await launchExtension({ userDataDir: profile }));
    const reopened = await world.openPopup();
    await reopened.waitForResultsFor('');
    expect(await reopened.resultIds()).toEqual(expectedResults(standIn, '', ROWS_SHOWN).ids);
    for (const position of [10, 1200, 2400]) {
      const query = wordOfArtistAt(standIn, position);
      await reopened.search(query);
      expect(await reopened.resultIds()).toEqual(expectedResults(standIn, query, ROWS_SHOWN).ids);
    }
    const upgraded = await reopened.page.evaluate(
      (name) =>
        new Promise<number>((resolve) => {
          const opening = indexedDB.open(name);
          opening.onsuccess = () => {
            resolve(opening.result.version);
            opening.result.close();
          };
        }),
      libraryDbName(accountKey),
    );
    expect(upgraded).toBe(LIBRARY_DB_VERSION);
  });
});
