import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { Rich } from './Rich';

interface LocalDataSectionProps {
  accountName: string | null;
  onDelete: () => Promise<void>;
}

/** "Delete local data": the cached library of the last account, removed only on request (SPEC §4). */
export function LocalDataSection({ accountName, onDelete }: LocalDataSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (!accountName) {
    return <p class="muted">{done ? t('localData.deleted') : t('localData.none')}</p>;
  }
  return (
    <div class="local-data">
      <p>
        <Rich text={t('localData.stored')} parts={{ account: <strong>{accountName}</strong> }} />
      </p>
      {confirming ? (
        <div class="row">
          <button
            type="button"
            class="danger"
            onClick={async () => {
              await onDelete();
              setConfirming(false);
              setDone(true);
            }}
          >
            {t('localData.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('localData.keep')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('localData.delete')}
        </button>
      )}
    </div>
  );
}
