import { useState } from 'preact/hooks';
import { formatCount } from '../../lib/format';
import type { ExportFormat } from '../../lib/library-view/export-file';
import type { ExportProgress } from '../hooks/use-export';

export type ExportScope = 'view' | 'library';

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
      <label for="export-scope">Export</label>
      <select id="export-scope" value={scope} onChange={(event) => setScope(event.currentTarget.value as ExportScope)}>
        <option value="view">This list{viewCount === null ? '' : ` (${formatCount(viewCount)})`}</option>
        <option value="library">Whole library{viewCount === null ? '' : ` (${formatCount(total)})`}</option>
      </select>
      <button type="button" disabled={disabled} onClick={() => onExport('csv', scope)}>
        Download CSV
      </button>
      <button type="button" disabled={disabled} onClick={() => onExport('json', scope)}>
        Download JSON
      </button>
      {progress && (
        <progress
          class="export-progress"
          value={progress.done}
          max={Math.max(1, progress.total)}
          aria-label={`Preparing the ${progress.format.toUpperCase()} file`}
        />
      )}
      {error && (
        <p class="notice error" role="alert">
          The export failed: {error}
        </p>
      )}
    </div>
  );
}
