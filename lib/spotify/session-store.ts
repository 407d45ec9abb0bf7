import { openDB, type DBSchema } from 'idb';
import type { AccountRef } from '../settings';

/**
 * Where the tokens live: the extension's own IndexedDB. Content scripts run with the web
 * page's origin, so unlike `storage.local` they cannot open it, in Chrome or Firefox.
 */
export interface SpotifySession {
  clientId: string;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken: string;
  scope: string;
  account: AccountRef;
}

interface SessionDb extends DBSchema {
  session: { key: 'current'; value: SpotifySession };
}

const DB_NAME = 'tracklight-auth';

function openSessionDb() {
  return openDB<SessionDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('session');
    },
  });
}

export interface SessionStore {
  load(): Promise<SpotifySession | null>;
  save(session: SpotifySession): Promise<void>;
  clear(): Promise<void>;
}

export const indexedDbSessionStore: SessionStore = {
  async load() {
    const db = await openSessionDb();
    try {
      return (await db.get('session', 'current')) ?? null;
    } finally {
      db.close();
    }
  },
  async save(session) {
    const db = await openSessionDb();
    try {
      await db.put('session', session, 'current');
    } finally {
      db.close();
    }
  },
  async clear() {
    const db = await openSessionDb();
    try {
      await db.delete('session', 'current');
    } finally {
      db.close();
    }
  },
};
