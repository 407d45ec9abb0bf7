import { formatCount } from '../lib/format';
import { t } from '../lib/i18n';

interface SyncSettingsProps {
  intervalMinutes: number;
  onIntervalChange: (minutes: number) => void;
  openTracksIn: 'web' | 'app';
  onOpenTracksInChange: (where: 'web' | 'app') => void;
}

const INTERVALS = [15, 30, 60, 180, 720];

function describeInterval(minutes: number): string {
  return minutes < 60
    ? t('syncSettings.minutes', minutes, { count: formatCount(minutes) })
    : t('syncSettings.hours', minutes / 60, { count: formatCount(minutes / 60) });
}

/** How often the library syncs in the background, and where tracks open. */
export function SyncSettings({ intervalMinutes, onIntervalChange, openTracksIn, onOpenTracksInChange }: SyncSettingsProps) {
  return (
    <div class="settings-grid">
      <label for="sync-interval">{t('syncSettings.interval')}</label>
      <select id="sync-interval" name="sync-interval" value={String(intervalMinutes)} onChange={(event) => onIntervalChange(Number(event.currentTarget.value))}>
        {INTERVALS.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {describeInterval(minutes)}
          </option>
        ))}
      </select>
      <label for="open-tracks-in">{t('syncSettings.openIn')}</label>
      <select
        id="open-tracks-in"
        name="open-tracks-in"
        value={openTracksIn}
        onChange={(event) => onOpenTracksInChange(event.currentTarget.value === 'app' ? 'app' : 'web')}
      >
        <option value="web">{t('syncSettings.openInWeb')}</option>
        <option value="app">{t('syncSettings.openInApp')}</option>
      </select>
    </div>
  );
}
