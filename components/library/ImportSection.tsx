import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { Rich } from '../Rich';
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

// Product and format names: the same in every language.
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
      <h2 id="import-title">{t('import.title')}</h2>
      <p>
        <Rich
          text={t('import.intro')}
          parts={{
            exportify: (
              <a href="https://exportify.net/" target="_blank" rel="noreferrer">
                Exportify
              </a>
            ),
          }}
        />
      </p>
      <p class="muted">{t('import.dateNote')}</p>
      <label class="import-file">
        <span>{t('import.fileLabel')}</span>
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
      {!signedIn && <p class="notice">{t('import.signIn')}</p>}
      {state.phase === 'reading' && (
        <p class="muted" role="status">
          {t('import.reading', { file: state.fileName })}
        </p>
      )}
      {state.phase === 'failed' && (
        <p class="notice error" role="alert">
          {t('import.failed', { file: state.fileName, reason: state.message })}
        </p>
      )}
      {state.phase === 'ready' && (
        <ImportSummaryView
          summary={state.summary}
          starting={state.starting}
          started={state.started}
          startError={state.startError}
          blocked={!signedIn ? t('import.signInFirst') : busy ? t('restore.underWay') : null}
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
  return (
    <div class="import-summary" data-import-summary data-import-total={plan.total} data-import-missing={missing.length} data-import-unknown={unknown}>
      <h3>{t('import.summaryTitle', { file: fileName, format: FORMAT_NAMES[plan.format] })}</h3>
      <dl class="import-figures">
        <dt>{t('import.inFile')}</dt>
        <dd>{t('import.rows', plan.total, { count: formatCount(plan.total) })}</dd>
        <dt>{t('import.missing')}</dt>
        <dd>
          <strong>{t('counts.tracks', missing.length, { count: formatCount(missing.length) })}</strong>
        </dd>
        <dt>{t('import.alreadySaved')}</dt>
        <dd>{t('counts.tracks', alreadySaved, { count: formatCount(alreadySaved) })}</dd>
        {plan.duplicates > 0 && (
          <>
            <dt>{t('import.repeated')}</dt>
            <dd>{t('import.repeatedDetail', plan.duplicates, { count: formatCount(plan.duplicates) })}</dd>
          </>
        )}
        <dt>{t('import.cannotRestore')}</dt>
        <dd>
          {t('import.rows', unknown, { count: formatCount(unknown) })}
          {unknown > 0 &&
            t('import.cannotRestoreWhy', {
              reasons: [
                localFiles > 0 && t('import.localFiles', localFiles, { count: formatCount(localFiles) }),
                notTracks > 0 && t('import.notTracks', notTracks, { count: formatCount(notTracks) }),
                malformed > 0 && t('import.malformed', malformed, { count: formatCount(malformed) }),
              ]
                .filter(Boolean)
                .join(t('import.listSeparator')),
            })}
        </dd>
      </dl>
      {plan.problems.length > 0 && (
        <details class="import-problems">
          <summary>{t('import.problemsTitle')}</summary>
          <ul>
            {plan.problems.map((problem) => (
              <li key={problem.row}>{t('import.problemRow', { row: formatCount(problem.row), reason: problem.reason })}</li>
            ))}
          </ul>
          {unknown > plan.problems.length && <p class="muted">{t('restore.andMore', { count: formatCount(unknown - plan.problems.length) })}</p>}
        </details>
      )}
      {missing.length === 0 ? (
        <p class="notice">{t('import.nothingMissing')}</p>
      ) : started ? (
        <p class="notice" role="status">
          {t('import.started')}
        </p>
      ) : (
        <div class="import-actions">
          <button type="button" class="primary" disabled={blocked !== null || starting} onClick={onRestore}>
            {t('import.restoreButton', missing.length, { count: formatCount(missing.length) })}
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
