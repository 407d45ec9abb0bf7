import { formatCount } from '../../lib/format';
import type { SendRequest } from '../../lib/messaging/client';
import { notRestorableCount } from '../../lib/restore/import-plan';
import type { ImportSummary } from '../../lib/restore/import-summary';
import { isUnfinished } from '../../lib/restore/restore-store';
import type { RestoreStatus } from '../../lib/status';
import { useImport } from '../hooks/use-import';

interface ImportSectionProps {
  signedIn: boolean;
  restore: RestoreStatus | null;
  send: SendRequest;
}

const FORMAT_NAMES = { 'tracklight-csv': 'Tracklight CSV', 'tracklight-json': 'Tracklight JSON', 'exportify-csv': 'Exportify CSV' } as const;

/**
 * Restore from an export file (SPEC §6: `input[name="import-file"]`, `[data-import-summary]`):
 * the file is read and checked against the library before anything is sent; Restore then
 * saves the missing tracks, oldest first.
 */
export function ImportSection({ signedIn, restore, send }: ImportSectionProps) {
  const { state, choose, restore: startRestore } = useImport(send);
  const busy = isUnfinished(restore);
  return (
    <section class="import-section" aria-labelledby="import-title">
      <h2 id="import-title">Restore saved tracks from an export</h2>
      <p>
        Choose a file exported by Tracklight (Download CSV or JSON, in the library view) or by{' '}
        <a href="https://exportify.net/" target="_blank" rel="noreferrer">
          Exportify
        </a>
        . Tracklight shows what it holds and what is missing from your Spotify library now, and sends nothing until you
        press Restore.
      </p>
      <p class="muted">
        Spotify dates every track to the moment it is saved, so restored tracks show today’s date. Tracklight saves them
        oldest first, so that your library keeps its old order.
      </p>
      <label class="import-file">
        <span>Export file</span>
        <input
          type="file"
          name="import-file"
          accept=".csv,.json,text/csv,application/json"
          disabled={!signedIn}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) choose(file);
            // Choosing the same file again (after a restore) must read it again.
            event.currentTarget.value = '';
          }}
        />
      </label>
      {!signedIn && <p class="notice">Sign in to Spotify (from the Tracklight button) to restore a library.</p>}
      {state.phase === 'reading' && (
        <p class="muted" role="status">
          Reading “{state.fileName}” and checking it against your library…
        </p>
      )}
      {state.phase === 'failed' && (
        <p class="notice error" role="alert">
          Nothing was sent. “{state.fileName}” cannot be restored: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <ImportSummaryView
          summary={state.summary}
          starting={state.starting}
          started={state.started}
          startError={state.startError}
          blocked={!signedIn ? 'Sign in to Spotify first.' : busy ? 'A restore is under way: it has to finish first.' : null}
          onRestore={startRestore}
        />
      )}
    </section>
  );
}

interface ImportSummaryViewProps {
  summary: ImportSummary;
  starting: boolean;
  started: boolean;
  startError: string | null;
  /** Why Restore cannot be pressed now. */
  blocked: string | null;
  onRestore: () => void;
}

function ImportSummaryView({ summary, starting, started, startError, blocked, onRestore }: ImportSummaryViewProps) {
  const { plan, missing, alreadySaved, fileName } = summary;
  const unknown = notRestorableCount(plan);
  const { localFiles, notTracks, malformed } = plan.notRestorable;
  const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
  return (
    <div
      class="import-summary"
      data-import-summary
      data-import-total={plan.total}
      data-import-missing={missing.length}
      data-import-unknown={unknown}
    >
      <h3>
        “{fileName}” ({FORMAT_NAMES[plan.format]})
      </h3>
      <dl class="import-figures">
        <dt>In the file</dt>
        <dd>{count(plan.total, 'row', 'rows')}</dd>
        <dt>Missing from Spotify now</dt>
        <dd>
          <strong>{count(missing.length, 'track', 'tracks')}</strong>
        </dd>
        <dt>Already saved</dt>
        <dd>{count(alreadySaved, 'track', 'tracks')}</dd>
        {plan.duplicates > 0 && (
          <>
            <dt>Repeated rows</dt>
            <dd>{count(plan.duplicates, 'row names a track listed before', 'rows name tracks listed before')}; each track counts once</dd>
          </>
        )}
        <dt>Cannot be restored</dt>
        <dd>
          {count(unknown, 'row', 'rows')}
          {unknown > 0 &&
            ` (${[
              localFiles > 0 && count(localFiles, 'local file', 'local files'),
              notTracks > 0 && count(notTracks, 'item that is not a track', 'items that are not tracks'),
              malformed > 0 && count(malformed, 'malformed row', 'malformed rows'),
            ]
              .filter(Boolean)
              .join(', ')})`}
        </dd>
      </dl>
      {plan.problems.length > 0 && (
        <details class="import-problems">
          <summary>Rows that cannot be restored</summary>
          <ul>
            {plan.problems.map((problem) => (
              <li key={problem.row}>
                Row {formatCount(problem.row)}: {problem.reason}
              </li>
            ))}
          </ul>
          {unknown > plan.problems.length && <p class="muted">…and {formatCount(unknown - plan.problems.length)} more.</p>}
        </details>
      )}
      {missing.length === 0 ? (
        <p class="notice">Nothing to restore: every track of this file is in your library.</p>
      ) : started ? (
        <p class="notice" role="status">
          Restore started: its progress is shown at the top of the page. Choose the file again to check it anew.
        </p>
      ) : (
        <div class="import-actions">
          <button type="button" class="primary" disabled={blocked !== null || starting} onClick={onRestore}>
            Restore {count(missing.length, 'track', 'tracks')}
          </button>
          {blocked && <span class="muted">{blocked}</span>}
        </div>
      )}
      {startError && (
        <p class="notice error" role="alert">
          {startError}
        </p>
      )}
    </div>
  );
}
