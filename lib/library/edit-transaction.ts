import type { LibraryStoreName, LibraryTransaction } from './db';

/** The stores a change to the published library touches, always together in one transaction. */
export const EDIT_STORES = [
  'meta',
  'trackChunks',
  'searchChunks',
  'idBuckets',
  'isrcBuckets',
  'removedTracks',
] as const satisfies readonly LibraryStoreName[];

export type EditTransaction = LibraryTransaction<typeof EDIT_STORES, 'readwrite'>;
