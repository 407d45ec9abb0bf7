import { useEffect, useRef, useState } from 'preact/hooks';
import { EXPORT_MIME_TYPES, exportFileName, exportParts, type ExportFormat } from '../../lib/library-view/export-file';
import type { StoredTrack } from '../../lib/tracks/stored-track';

export interface ExportProgress {
  format: ExportFormat;
  done: number;
  total: number;
}

/** Long enough for the browser to start reading the file before its URL is let go. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Builds an export file in slices (the page keeps responding at 100k tracks) and hands it to
 * the browser's downloads through an `<a download>` on an object URL.
 */
export function useExport(): {
  progress: ExportProgress | null;
  error: string | null;
  start: (format: ExportFormat, count: number, trackAt: (index: number) => StoredTrack) => void;
} {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  function start(format: ExportFormat, count: number, trackAt: (index: number) => StoredTrack): void {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setProgress({ format, done: 0, total: count });
    exportParts(format, count, trackAt, {
      signal: controller.signal,
      onProgress: (done, total) => setProgress({ format, done, total }),
    })
      .then((parts) => download(new Blob(parts, { type: EXPORT_MIME_TYPES[format] }), exportFileName(format, new Date())))
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
      })
      .finally(() => {
        running.current = null;
        if (!controller.signal.aborted) setProgress(null);
      });
  }

  return { progress, error, start };
}

function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
