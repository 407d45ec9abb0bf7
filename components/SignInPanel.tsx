import { t } from '../lib/i18n';

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
      <h2 id="sign-in-title">{t('signIn.title')}</h2>
      <p class="muted">{t('signIn.intro')}</p>
      {notice && (
        <p class="notice error" role="alert">
          {notice}
        </p>
      )}
      {clientIdMissing ? (
        <>
          <p class="notice warn">{t('signIn.clientIdMissing')}</p>
          <button type="button" class="primary" onClick={onOpenOptions}>
            {t('signIn.setUpClientId')}
          </button>
        </>
      ) : (
        <button type="button" class="primary" onClick={onSignIn} disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.button')}
        </button>
      )}
    </section>
  );
}
