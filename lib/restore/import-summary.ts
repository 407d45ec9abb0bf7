import { readImportFile } from './import-file';
import { planImport, type ImportPlan } from './import-plan';
import type { RestoreCandidate } from './restore-order';

/** SPEC §6 `[data-import-summary]`: what the file holds, what Spotify lacks now, what cannot be restored. */
export interface ImportSummary {
  fileName: string;
  plan: ImportPlan;
  /** Tracks of the file Spotify does not have now: what Restore saves. */
  missing: RestoreCandidate[];
  /** Tracks of the file saved already. */
  alreadySaved: number;
}

/**
 * Reads an export and asks which of its tracks are saved now (the background answers from the
 * cache, or Spotify when the cache may be stale). Throws ImportFileError for a file that cannot
 * be used; nothing is sent to Spotify but the check.
 */
export async function summarizeImport(file: Blob, fileName: string, checkSaved: (uris: string[]) => Promise<boolean[]>): Promise<ImportSummary> {
  const plan = planImport(await readImportFile(file));
  const saved = plan.candidates.length === 0 ? [] : await checkSaved(plan.candidates.map((candidate) => candidate.uri));
  const missing = plan.candidates.filter((_, index) => !saved[index]);
  return { fileName, plan, missing, alreadySaved: plan.candidates.length - missing.length };
}
