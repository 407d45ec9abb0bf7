/**
 * The disk is full (QuotaExceededError). The transaction that hit it was rolled back, so the
 * library readers see is the one from before (SPEC §9).
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: ErrorOptions) {
    super('There is no room left on this device for the library. Free some disk space and sync again.', options);
  }
}

export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}
