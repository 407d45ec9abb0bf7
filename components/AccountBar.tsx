interface AccountBarProps {
  displayName: string;
  onSignOut: () => void;
}

export function AccountBar({ displayName, onSignOut }: AccountBarProps) {
  return (
    <div class="account-bar">
      <span class="account-name" title="Signed in to Spotify">
        {displayName}
      </span>
      <button type="button" class="quiet" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
