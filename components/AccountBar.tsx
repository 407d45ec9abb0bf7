import { t } from '../lib/i18n';

interface AccountBarProps {
  displayName: string;
  onSignOut: () => void;
}

export function AccountBar({ displayName, onSignOut }: AccountBarProps) {
  return (
    <div class="account-bar">
      <span class="account-name" title={t('account.signedInTitle')}>
        {displayName}
      </span>
      <button type="button" class="quiet" onClick={onSignOut}>
        {t('account.signOut')}
      </button>
    </div>
  );
}
