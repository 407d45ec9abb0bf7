import type { LibraryDb, LibraryStoreName, LibraryTransaction } from './db';
import { t } from '../i18n';

/**
 * Runs `work` in one readwrite transaction and resolves once it has committed. If `work`
 * throws, the transaction is aborted, so a write is all or nothing; a full disk surfaces as
 * StorageFullError whichever request or commit it broke.
 *
 * `work` must only await IndexedDB requests: awaiting anything else lets the transaction
 * commit early.
 */
export async function inWriteTransaction<const Stores extends ArrayLike<LibraryStoreName>, Result>(
  db: LibraryDb,
  stores: Stores,
  work: (transaction: LibraryTransaction<Stores, 'readwrite'>) => Promise<Result>,
): Promise<Result> {
  const transaction = db.transaction(stores, 'readwrite');
  // Observed below; without this an early failure of `work` leaves a rejection unhandled.
  transaction.done.catch(() => undefined);
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    abortQuietly(transaction);
    const cause = transaction.error ?? error;
    if (isQuotaExceeded(cause) || isQuotaExceeded(error)) throw new StorageFullError({ cause });
    throw error;
  }
}

function abortQuietly(transaction: { abort(): void }): void {
  try {
    transaction.abort();
  } catch {
    // Already committed or aborted: nothing left to undo.
  }
}

/** The stores a change to the published library touches, always together in one transaction. */
export const EDIT_STORES = ['meta', 'trackChunks', 'searchChunks', 'idBuckets', 'isrcBuckets', 'removedTracks'] as const satisfies readonly LibraryStoreName[];

export type EditTransaction = LibraryTransaction<typeof EDIT_STORES, 'readwrite'>;

/**
 * The disk is full (QuotaExceededError). The transaction that hit it was rolled back, so the
 * library readers see is the one from before (SPEC §9).
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: ErrorOptions) {
    super(t('errors.diskFull'), options);
  }
}

export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}
