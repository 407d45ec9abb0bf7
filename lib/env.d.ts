interface ImportMetaEnv {
  readonly WXT_SPOTIFY_CLIENT_ID?: string;
  readonly WXT_SPOTIFY_API_BASE?: string;
  readonly WXT_SPOTIFY_ACCOUNTS_BASE?: string;
}
