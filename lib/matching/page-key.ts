/**
 * The page a "Not this track" correction belongs to: the URL without what does not change the
 * song — the fragment, and the query except YouTube's video id (`?v=`), which is the page.
 */
export function pageKeyOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const videoId = parsed.pathname === '/watch' ? parsed.searchParams.get('v') : null;
  return `${parsed.host}${parsed.pathname.replace(/\/$/, '')}${videoId ? `?v=${videoId}` : ''}`;
}
