import { t } from '../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import { isValidClientId } from '../lib/config';

interface ClientIdFormProps {
  saved: string;
  /** The build's own Client ID (WXT_SPOTIFY_CLIENT_ID), used while no other is saved. */
  buildDefault: string;
  onSave: (clientId: string) => Promise<void>;
}

/** The Client ID field: validated (32 hex characters) before anything is saved. */
export function ClientIdForm({ saved, buildDefault, onSave }: ClientIdFormProps) {
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  useEffect(() => setValue(saved), [saved]);

  async function submit(event: Event) {
    event.preventDefault();
    const clientId = value.trim();
    setSavedNote(false);
    if (!isValidClientId(clientId)) {
      setError(t('clientId.invalid'));
      return;
    }
    setError(null);
    await onSave(clientId.toLowerCase());
    setSavedNote(true);
  }

  return (
    <form class="client-id-form" onSubmit={submit} noValidate>
      <label for="client-id">{t('clientId.label')}</label>
      <div class="row">
        <input
          id="client-id"
          name="client-id"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('clientId.placeholder')}
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'client-id-error' : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit" class="primary">
          {t('clientId.save')}
        </button>
      </div>
      {!saved && buildDefault && !savedNote && <p class="muted">{t('clientId.buildDefault', { prefix: buildDefault.slice(0, 6) })}</p>}
      {error && (
        <p id="client-id-error" class="notice error" role="alert">
          {error}
        </p>
      )}
      {savedNote && (
        <p class="notice" role="status">
          {t('clientId.saved')}
        </p>
      )}
    </form>
  );
}
