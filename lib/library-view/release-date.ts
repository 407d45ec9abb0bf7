/**
 * A release date as a number that sorts like the date: "2011-05-01" → 20110501, "2011-05" →
 * 20110500, "2011" → 20110000, so a year-only date sorts at the start of its year. NaN for
 * anything else (local files have none).
 */
export function releaseDateNumber(releaseDate: string | null): number {
  if (releaseDate === null) return Number.NaN;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(releaseDate);
  if (!match) return Number.NaN;
  const [, year, month = '00', day = '00'] = match;
  return Number(year) * 10_000 + Number(month) * 100 + Number(day);
}
