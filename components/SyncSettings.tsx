interface SyncSettingsProps {
  intervalMinutes: number;
  onIntervalChange: (minutes: number) => void;
  openTracksIn: 'web' | 'app';
  onOpenTracksInChange: (where: 'web' | 'app') => void;
}

const INTERVALS = [15, 30, 60, 180, 720];

function describeInterval(minutes: number): string {
  return minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

/** How often the library syncs in the background, and where tracks open. */
export function SyncSettings({ intervalMinutes, onIntervalChange, openTracksIn, onOpenTracksInChange }: SyncSettingsProps) {
  return (
    <div class="settings-grid">
      <label for="sync-interval">Sync in the background every</label>
      <select
        id="sync-interval"
        name="sync-interval"
        value={String(intervalMinutes)}
        onChange={(event) => onIntervalChange(Number(event.currentTarget.value))}
      >
        {INTERVALS.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {describeInterval(minutes)}
          </option>
        ))}
      </select>
      <label for="open-tracks-in">Open tracks in</label>
      <select
        id="open-tracks-in"
        name="open-tracks-in"
        value={openTracksIn}
        onChange={(event) => onOpenTracksInChange(event.currentTarget.value === 'app' ? 'app' : 'web')}
      >
        <option value="web">the Spotify web player</option>
        <option value="app">the Spotify desktop app</option>
      </select>
    </div>
  );
}
