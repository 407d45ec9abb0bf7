import type { ComponentChildren } from 'preact';
import type { SpotifyProblem } from '../lib/spotify/errors';
import { CopyableValue } from './CopyableValue';

const DASHBOARD_URL = 'https://developer.spotify.com/dashboard';

interface ProblemNoticeProps {
  problem: SpotifyProblem;
  /** The redirect URI to register, as Options shows it. */
  redirectUri: string;
  /** Signed in: the next step is "Sync now"; signed out, signing in again. */
  signedIn: boolean;
  /** In the popup, where the Client ID cannot be edited: a button to Options. */
  onOpenOptions?: () => void;
}

/**
 * A development-mode refusal (SPEC §3, §6 `[data-problem]`) and what fixes it, in words a
 * new user can follow: the popup and Options show the same.
 */
export function ProblemNotice({ problem, redirectUri, signedIn, onOpenOptions }: ProblemNoticeProps) {
  const dashboard = (
    <a href={DASHBOARD_URL} target="_blank" rel="noreferrer">
      Spotify Developer Dashboard
    </a>
  );
  const thenRetry = signedIn ? (
    <>
      Then choose <strong>Sync now</strong>.
    </>
  ) : (
    <>
      Then sign in again.
    </>
  );

  switch (problem) {
    case 'premium-required':
      return (
        <Notice problem={problem} title="Your Spotify app’s owner needs Premium">
          <p>
            Spotify only serves apps in development mode whose owner — the Spotify account that created the app
            in the {dashboard} — has an active Premium subscription.
          </p>
          <p>
            Subscribe to Premium with that account (or create the app with an account that has it). Spotify
            allows requests again a few hours after the subscription starts. {thenRetry}
          </p>
        </Notice>
      );
    case 'user-not-registered':
      return (
        <Notice problem={problem} title="Add this Spotify account to your app">
          <p>
            Spotify refused this account: it is not on your app’s list of users. In the {dashboard}, open your
            app, go to <strong>User Management</strong>, and add the account’s name and the e-mail address it signs
            in to Spotify with (development mode allows 5 users). {thenRetry}
          </p>
        </Notice>
      );
    case 'invalid-client':
      return (
        <Notice problem={problem} title="Spotify doesn’t recognise this Client ID">
          <p>
            Copy the <strong>Client ID</strong> again from your app’s <strong>Settings</strong> in the {dashboard} — 32
            characters, digits and the letters a–f — and save it {onOpenOptions ? 'in Tracklight’s options' : 'in the Client ID field below'}.
            Then sign in again.
          </p>
          {onOpenOptions && (
            <button type="button" onClick={onOpenOptions}>
              Open options
            </button>
          )}
        </Notice>
      );
    case 'redirect-uri':
      return (
        <Notice problem={problem} title="Add Tracklight’s redirect URI to your app">
          <p>
            Spotify refused the sign-in because your app does not list this redirect URI. In the {dashboard}, open
            your app’s <strong>Settings</strong>, add exactly this address under <strong>Redirect URIs</strong>, and
            save:
          </p>
          <CopyableValue value={redirectUri} label="redirect URI" />
          <p>Then sign in again.</p>
        </Notice>
      );
  }
}

function Notice({ problem, title, children }: { problem: SpotifyProblem; title: string; children: ComponentChildren }) {
  return (
    <section class="problem-notice" data-problem={problem} role="alert" aria-labelledby={`problem-${problem}`}>
      <h2 id={`problem-${problem}`}>{title}</h2>
      {children}
    </section>
  );
}
