import { t } from '../i18n';

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
