/** Formatting shared by the popup and the library page, in the UI's language (lib/i18n.ts). */
import { t, uiLocale } from './i18n';

export function formatDuration(durationMs: number): string {
  const totalSeconds = Math.max(0, Math.round(durationMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Each formatter is built once, on first use: building an Intl formatter cost 20–120 ms in
 * Chromium here (`toLocaleDateString` builds one per call), too much to pay on every row or
 * before a page's first paint.
 */
function once<T>(create: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= create());
}
const dayFormat = once(() => new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric' }));
const clockFormat = once(() => new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit' }));
const countFormat = once(() => new Intl.NumberFormat(uiLocale()));

/** A saved date as the user reads it: "12 Mar 2024". */
export function formatSavedDate(isoDate: string): string {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return '';
  return dayFormat().format(date);
}

/** "just now", "5 min ago", "3 h ago", else a date: for "last synced". */
export function formatTimeAgo(then: number, now: number = Date.now()): string {
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return t('time.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('time.minutesAgo', { minutes: formatCount(minutes) });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('time.hoursAgo', { hours: formatCount(hours) });
  return dayFormat().format(new Date(then));
}

/** A clock time for "resumes at 14:05". */
export function formatClockTime(at: number): string {
  return clockFormat().format(new Date(at));
}

export function formatCount(count: number): string {
  return countFormat().format(count);
}

/**
 * A time as Spotify writes `added_at`: ISO 8601 in whole seconds, `Z`. A local save stamped
 * this way matches Spotify's copy on the next sync.
 */
export function spotifyTimestamp(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}
