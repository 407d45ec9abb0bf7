/** Build-time configuration (SPEC §2). The stand-in build sets the bases; production leaves them. */
export const spotifyConfig = {
  defaultClientId: import.meta.env.WXT_SPOTIFY_CLIENT_ID ?? '',
  apiBase: withoutTrailingSlash(import.meta.env.WXT_SPOTIFY_API_BASE || 'https://api.spotify.com/v1'),
  accountsBase: withoutTrailingSlash(import.meta.env.WXT_SPOTIFY_ACCOUNTS_BASE || 'https://accounts.spotify.com'),
  scopes: ['user-library-read', 'user-library-modify'],
} as const;

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Spotify Client IDs are 32 hexadecimal characters. */
export function isValidClientId(value: string): boolean {
  return /^[0-9a-f]{32}$/i.test(value);
}
