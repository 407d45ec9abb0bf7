import type { ListedTrack } from './listed-track';

/** The tracks behind the display positions search answers with (newest saved first). */
export interface TrackSource {
  /** Tracks in the library this source reads. */
  readonly total: number;
  /**
   * The track at `position`: a track, `undefined` while it is not here yet, or `null` when it
   * is not in the library (past the end, or the library changed underneath: a reload follows,
   * as the library version moved).
   */
  trackAt(position: number): ListedTrack | null | undefined;
  /** Fetches the `positions` not here yet: null when none is missing, else done when they are. */
  load(positions: readonly number[]): Promise<void> | null;
}
