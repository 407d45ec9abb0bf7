import { describe, expect, it } from 'vitest';
import { createIndexedDbSessionStore, type SpotifySession } from '../../../lib/spotify/session-store';

const session: SpotifySession = {
  clientId: 'c'.repeat(32),
  accessToken: 'access',
  expiresAt: 1,
  refreshToken: 'refresh',
  scope: 'user-library-read',
  account: { key: 'acct', displayName: 'Ada' },
};

let databases = 0;

describe('createIndexedDbSessionStore', () => {
  it('keeps the session across workers (a new store reads what the last one saved)', async () => {
    const name = `session-test-${databases++}`;
    await createIndexedDbSessionStore(name).save(session);
    expect(await createIndexedDbSessionStore(name).load()).toEqual(session);
  });

  it('reads the database once, then answers from memory', async () => {
    const name = `session-test-${databases++}`;
    await createIndexedDbSessionStore(name).save(session);
    const store = createIndexedDbSessionStore(name);
    const first = await store.load();
    // Another worker's write is not seen: only this worker's background writes its session.
    await createIndexedDbSessionStore(name).save({ ...session, accessToken: 'elsewhere' });
    expect(await store.load()).toBe(first);
  });

  it('answers with what it saved or cleared last', async () => {
    const store = createIndexedDbSessionStore(`session-test-${databases++}`);
    expect(await store.load()).toBeNull();
    await store.save(session);
    expect(await store.load()).toEqual(session);
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});
