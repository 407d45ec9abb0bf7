import { useState } from 'preact/hooks';

interface LocalDataSectionProps {
  accountName: string | null;
  onDelete: () => Promise<void>;
}

/** "Delete local data": the cached library of the last account, removed only on request (SPEC §4). */
export function LocalDataSection({ accountName, onDelete }: LocalDataSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (!accountName) {
    return <p class="muted">{done ? 'The local copy was deleted.' : 'No library is stored on this device.'}</p>;
  }
  return (
    <div class="local-data">
      <p>
        A copy of <strong>{accountName}</strong>’s saved tracks is stored in this browser so that search, the badge
        and the library page work offline. It stays after you sign out, until you delete it here.
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
            Yes, delete the local copy
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete local data
        </button>
      )}
    </div>
  );
}
