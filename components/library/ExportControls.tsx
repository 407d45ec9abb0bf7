import { useState } from 'preact/hooks';
import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { ExportFormat } from '../../lib/library-view/export-file';
import type { ExportScope } from '../../lib/library-view/shown-view';
import type { ExportProgress } from '../hooks/use-export';

interface ExportControlsProps {
  /** Null while the whole library is still being read. */
  viewCount: number | null;
  total: number;
  progress: ExportProgress | null;
  error: string | null;
  onExport: (format: ExportFormat, scope: ExportScope) => void;
}

/** Download the list as shown (filter and sort applied) or the whole library, as CSV or JSON. */
export function ExportControls({ viewCount, total, progress, error, onExport }: ExportControlsProps) {
  const [scope, setScope] = useState<ExportScope>('view');
  const disabled = viewCount === null || progress !== null;
  return (
    <div class="export-controls">
      <label for="export-scope">{t('export.label')}</label>
      <select id="export-scope" value={scope} onChange={(event) => setScope(event.currentTarget.value as ExportScope)}>
        <option value="view">{viewCount === null ? t('export.thisList') : t('export.thisListCount', { count: formatCount(viewCount) })}</option>
        <option value="library">{viewCount === null ? t('export.wholeLibrary') : t('export.wholeLibraryCount', { count: formatCount(total) })}</option>
      </select>
      <button type="button" disabled={disabled} onClick={() => onExport('csv', scope)}>
        {t('export.csv')}
      </button>
      <button type="button" disabled={disabled} onClick={() => onExport('json', scope)}>
        {t('export.json')}
      </button>
      {progress && (
        <progress
          class="export-progress"
          value={progress.done}
          max={Math.max(1, progress.total)}
          aria-label={t('export.preparing', { format: progress.format.toUpperCase() })}
        />
      )}
      {error && (
        <p class="notice error" role="alert">
          {t('export.failed', { error })}
        </p>
      )}
    </div>
  );
}
