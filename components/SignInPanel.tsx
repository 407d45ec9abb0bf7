interface SignInPanelProps {
  clientIdMissing: boolean;
  busy: boolean;
  notice: string | null;
  onSignIn: () => void;
  onOpenOptions: () => void;
}

/** What a signed-out user sees: one clear action, and why the last attempt failed if it did. */
export function SignInPanel({ clientIdMissing, busy, notice, onSignIn, onOpenOptions }: SignInPanelProps) {
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Do you already have this track?</h2>
      <p class="muted">
        Tracklight keeps a private copy of your Spotify saved tracks, so you can search them instantly — even
        offline.
      </p>
      {notice && (
        <p class="notice error" role="alert">
          {notice}
        </p>
      )}
      {clientIdMissing ? (
        <>
          <p class="notice warn">Tracklight needs your own Spotify app Client ID first. It takes two minutes.</p>
          <button type="button" class="primary" onClick={onOpenOptions}>
            Set up your Client ID
          </button>
        </>
      ) : (
        <button type="button" class="primary" onClick={onSignIn} disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in with Spotify'}
        </button>
      )}
    </section>
  );
}
