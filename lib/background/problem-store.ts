import { spotifyProblemSetting, type ProblemNotice } from '../storage-items';
import type { SpotifyProblem } from '../spotify/errors';

/** SPEC §3: after a development-mode refusal, no sync of its own accord for this long. */
export const REFUSAL_RETRY_MS = 60 * 60_000;

/** The development-mode refusal that stands, shown by the pages as `[data-problem]`. */
export interface ProblemStore {
  current(): Promise<ProblemNotice | null>;
  /** `retryAt`: when a sync may ask again on its own; null when only the user can (a sign-in problem). */
  report(problem: SpotifyProblem, retryAt: number | null): Promise<void>;
  clear(): Promise<void>;
}

export const storedProblems: ProblemStore = {
  current: () => spotifyProblemSetting.getValue(),
  report: (problem, retryAt) => spotifyProblemSetting.setValue({ problem, retryAt }),
  async clear() {
    if ((await spotifyProblemSetting.getValue()) !== null) await spotifyProblemSetting.setValue(null);
  },
};

/** Whether an automatic sync (alarm, popup opened, worker start) must not ask Spotify yet. */
export function holdsAutomaticSync(notice: ProblemNotice | null, now: number): boolean {
  return notice !== null && (notice.retryAt === null || notice.retryAt > now);
}
