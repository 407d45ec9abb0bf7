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
      setError('A Client ID is 32 characters, digits and the letters a–f. Copy it from your app’s Settings page.');
      return;
    }
    setError(null);
    await onSave(clientId.toLowerCase());
    setSavedNote(true);
  }

  return (
    <form class="client-id-form" onSubmit={submit} noValidate>
      <label for="client-id">Client ID</label>
      <div class="row">
        <input
          id="client-id"
          name="client-id"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder="e.g. 0123456789abcdef0123456789abcdef"
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'client-id-error' : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit" class="primary">
          Save
        </button>
      </div>
      {!saved && buildDefault && !savedNote && (
        <p class="muted">
          This build comes with a Client ID ({buildDefault.slice(0, 6)}…), used until you save your own.
        </p>
      )}
      {error && (
        <p id="client-id-error" class="notice error" role="alert">
          {error}
        </p>
      )}
      {savedNote && (
        <p class="notice" role="status">
          Saved. Open the Tracklight popup and sign in.
        </p>
      )}
    </form>
  );
}
