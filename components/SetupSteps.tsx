import { CopyableValue } from './CopyableValue';

/** How to create one's own Spotify app in development mode: the two-minute job. */
export function SetupSteps({ redirectUri }: { redirectUri: string }) {
  return (
    <ol class="setup-steps">
      <li>
        Open the{' '}
        <a href="https://developer.spotify.com/dashboard" target="_blank" rel="noreferrer">
          Spotify Developer Dashboard
        </a>{' '}
        and log in with your Spotify account.
      </li>
      <li>
        Choose <strong>Create app</strong>. Any name and description will do (for example “My Tracklight”).
      </li>
      <li>
        Under <strong>Redirect URIs</strong>, add exactly this address, then tick <strong>Web API</strong>:
        <CopyableValue value={redirectUri} label="redirect URI" valueProps={{ 'data-redirect-uri': redirectUri }} />
      </li>
      <li>
        Save, open the app’s <strong>Settings</strong>, and copy its <strong>Client ID</strong> into the field
        below. No client secret is needed — Tracklight never asks for one.
      </li>
      <li>
        Open the Tracklight popup and choose <strong>Sign in with Spotify</strong>. Apps in development mode
        allow up to 5 users: add others under <strong>User Management</strong> if you share your app.
      </li>
    </ol>
  );
}
