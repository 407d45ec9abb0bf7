import type { FullSyncCheckpoint, LibraryDb, LibraryMeta } from './db';
import { inWriteTransaction } from './write-transaction';

/** The two records of the `meta` store: the published library's summary and a full sync's checkpoint. */

export async function readLibraryMeta(db: LibraryDb): Promise<LibraryMeta | undefined> {
  const meta = await db.get('meta', 'library');
  return meta?.key === 'library' ? meta : undefined;
}

export async function readCheckpoint(db: LibraryDb): Promise<FullSyncCheckpoint | undefined> {
  const checkpoint = await db.get('meta', 'checkpoint');
  return checkpoint?.key === 'checkpoint' ? checkpoint : undefined;
}

export function saveCheckpoint(db: LibraryDb, checkpoint: FullSyncCheckpoint): Promise<void> {
  return inWriteTransaction(db, ['meta'], async (transaction) => {
    await transaction.objectStore('meta').put(checkpoint);
  });
}
