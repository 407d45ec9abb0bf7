/**
 * A song URL: what a "Not this track" correction belongs to, and what tells a tab moved to
 * another song — the URL without what does not change the song: the fragment, and the query
 * except what names the song: YouTube's video id (`?v=`) and the song of an Apple Music album
 * page (`?i=`).
 */
export function songUrlOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const videoId = parsed.pathname === '/watch' ? parsed.searchParams.get('v') : null;
  const albumSong = parsed.host === 'music.apple.com' && parsed.pathname.includes('/album/') ? parsed.searchParams.get('i') : null;
  const query = videoId ? `?v=${videoId}` : albumSong ? `?i=${albumSong}` : '';
  return `${parsed.host}${parsed.pathname.replace(/\/$/, '')}${query}`;
}
