import { CopyableValue } from './CopyableValue';

/**
 * How to connect a Spotify app in development mode, by the 2026 rules: the owner needs
 * Premium, a developer account holds one development-mode Client ID (so an existing app is
 * reused by adding the redirect URI), and an app serves 5 users added by e-mail.
 */
export function SetupSteps({ redirectUri }: { redirectUri: string }) {
  return (
    <ol class="setup-steps">
      <li>
        Open the{' '}
        <a href="https://developer.spotify.com/dashboard" target="_blank" rel="noreferrer">
          Spotify Developer Dashboard
        </a>{' '}
        and log in with your Spotify account. That account owns the app, and it needs an active{' '}
        <strong>Premium</strong> subscription: Spotify refuses apps in development mode whose owner has none.
      </li>
      <li>
        Already have an app there? Use it: a developer account may hold only one app in development mode. Open it
        and choose <strong>Settings</strong>, then <strong>Edit</strong>. Otherwise choose{' '}
        <strong>Create app</strong> (any name and description will do, for example “My Tracklight”) and tick{' '}
        <strong>Web API</strong>.
      </li>
      <li>
        Under <strong>Redirect URIs</strong>, add exactly this address, keeping any that are there, and save:
        <CopyableValue value={redirectUri} label="redirect URI" valueProps={{ 'data-redirect-uri': redirectUri }} />
      </li>
      <li>
        Copy the app’s <strong>Client ID</strong> from its <strong>Settings</strong> into the field below. No
        client secret is needed — Tracklight never asks for one.
      </li>
      <li>
        Development mode allows 5 users in all, the owner included. To share the app, add each other person under{' '}
        <strong>User Management</strong> with the e-mail address of their Spotify account.
      </li>
      <li>
        Open the Tracklight popup and choose <strong>Sign in with Spotify</strong>.
      </li>
    </ol>
  );
}
