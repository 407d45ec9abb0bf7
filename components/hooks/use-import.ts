import { useRef, useState } from 'preact/hooks';
import type { SendRequest } from '../../lib/messaging/client';
import type { ImportSummary } from '../../lib/restore/import-summary';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'failed'; fileName: string; message: string }
  /** `started`: its restore is under way (or done): Restore is not offered twice for one summary. */
  | { phase: 'ready'; summary: ImportSummary; starting: boolean; started: boolean; startError: string | null };

/**
 * A chosen export file on its way to a summary, and the restore it starts. The reading code
 * (with its CSV parser) is loaded when the first file is chosen, not with the page.
 */
export function useImport(send: SendRequest): {
  state: ImportState;
  choose: (file: File) => void;
  restore: () => void;
} {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const chosen = useRef(0);

  function choose(file: File): void {
    const attempt = ++chosen.current;
    setState({ phase: 'reading', fileName: file.name });
    import('../../lib/restore/import-summary')
      .then(({ summarizeImport }) => summarizeImport(file, file.name, (uris) => send({ type: 'checkImport', uris })))
      .then(
        (summary) => attempt === chosen.current && setState({ phase: 'ready', summary, starting: false, started: false, startError: null }),
        (error: unknown) =>
          attempt === chosen.current && setState({ phase: 'failed', fileName: file.name, message: error instanceof Error ? error.message : String(error) }),
      );
  }

  function restore(): void {
    if (state.phase !== 'ready' || state.starting || state.started) return;
    const { summary } = state;
    setState({ ...state, starting: true, startError: null });
    send({ type: 'restoreFromFile', fileName: summary.fileName.slice(0, 255), tracks: summary.missing }).then(
      () => setState((current) => (current.phase === 'ready' && current.summary === summary ? { ...current, starting: false, started: true } : current)),
      (error: unknown) =>
        setState((current) =>
          current.phase === 'ready' && current.summary === summary
            ? { ...current, starting: false, startError: error instanceof Error ? error.message : String(error) }
            : current,
        ),
    );
  }

  return { state, choose, restore };
}
