import { t } from '../i18n';
import { clipForDisplay } from '../popup/track-links';
import type { ImportFormat, ParsedImport } from './import-file';
import { isSavedTime, trackLabel, type RestoreCandidate } from './restore-order';

/**
 * What an export file holds, sorted out before anything is sent: the tracks it can restore
 * (each once), and the rows it cannot, with why.
 */
export interface ImportPlan {
  format: ImportFormat;
  /** Rows in the file (tracks, duplicates and rows that cannot be restored). */
  total: number;
  /** Tracks that can be restored, each once, in the file's order. */
  candidates: RestoreCandidate[];
  /** Rows naming a track an earlier row named already: counted, restored once. */
  duplicates: number;
  /** Rows that cannot be restored: local files, other kinds of Spotify item, malformed rows. */
  notRestorable: NotRestorableCounts;
  /** The first rows that cannot be restored, with why. */
  problems: ImportProblem[];
}

export interface NotRestorableCounts {
  /** Files on the user's own disk: Spotify has no way to save them through its API. */
  localFiles: number;
  /** Spotify URIs of episodes, albums, playlists…: not tracks. */
  notTracks: number;
  /** No Spotify URI, no valid date, or no readable track at all. */
  malformed: number;
}

export interface ImportProblem {
  row: number;
  reason: string;
}

/** Rows listed with their reason; the counts cover the rest. */
const MAX_PROBLEMS_LISTED = 20;

const TRACK_URI = /^spotify:track:[0-9A-Za-z]{22}$/;
const OTHER_SPOTIFY_URI = /^spotify:([a-z]+):/;

export function planImport(parsed: ParsedImport): ImportPlan {
  const counts: NotRestorableCounts = { localFiles: 0, notTracks: 0, malformed: 0 };
  const problems: ImportProblem[] = [];
  const candidates: RestoreCandidate[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const reject = (row: number, kind: keyof NotRestorableCounts, reason: string): void => {
    counts[kind] += 1;
    problems.push({ row, reason });
  };

  for (const row of parsed.unreadable) reject(row, 'malformed', t('importErrors.unreadableRow'));
  for (const { row, uri, name, artists, addedAt } of parsed.rows) {
    if (uri.startsWith('spotify:local:')) {
      reject(row, 'localFiles', t('importErrors.localFile'));
      continue;
    }
    if (!TRACK_URI.test(uri)) {
      const kind = OTHER_SPOTIFY_URI.exec(uri)?.[1];
      if (kind && kind !== 'track') reject(row, 'notTracks', t('importErrors.notTrack', { kind }));
      else reject(row, 'malformed', uri === '' ? t('importErrors.noUri') : t('importErrors.badUri', { uri: clipForDisplay(uri, 60) }));
      continue;
    }
    if (!isSavedTime(addedAt)) {
      reject(row, 'malformed', addedAt === '' ? t('importErrors.noDate') : t('importErrors.badDate', { date: clipForDisplay(addedAt, 40) }));
      continue;
    }
    if (seen.has(uri)) {
      duplicates += 1;
      continue;
    }
    seen.add(uri);
    candidates.push({ uri, label: trackLabel(name, artists, uri), addedAt });
  }
  return {
    format: parsed.format,
    total: parsed.rows.length + parsed.unreadable.length,
    candidates,
    duplicates,
    notRestorable: counts,
    problems: problems.sort((a, b) => a.row - b.row).slice(0, MAX_PROBLEMS_LISTED),
  };
}

/** Rows that cannot be restored, in all. */
export function notRestorableCount(plan: Pick<ImportPlan, 'notRestorable'>): number {
  const { localFiles, notTracks, malformed } = plan.notRestorable;
  return localFiles + notTracks + malformed;
}
