/**
 * The music sites where Tracklight can show the saved state of the song on the page (issues #9,
 * #14). Each is opt-in: its hosts are optional permissions, asked for when the user switches it
 * on, and its content script is registered only then. Any other https site can be switched on
 * from the popup too ("Enable on this site"), for its origin alone: there the generic reader
 * (extractors/generic-site.ts) runs. Kept free of browser APIs: the manifest (wxt.config.ts), the
 * background, the options page, the popup and the content script all read it.
 */

export const SITE_IDS = ['youtube', 'youtube-music', 'bandcamp', 'lastfm', 'genius', 'soundcloud', 'apple-music', 'deezer', 'tidal'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface Site {
  id: SiteId;
  label: string;
  /** What the options page says Tracklight reads there. */
  reads: string;
  /** Host permissions to ask for; also where the content script runs (whole hosts: these are single-page apps). */
  origins: readonly string[];
  /** Hostnames the origins cover; `*.` = any subdomain. */
  hostnames: readonly string[];
}

export const SITES: readonly Site[] = [
  {
    id: 'youtube',
    label: 'YouTube',
    reads: 'watch pages, on the mobile site too',
    origins: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
    hostnames: ['www.youtube.com', 'm.youtube.com'],
  },
  {
    id: 'youtube-music',
    label: 'YouTube Music',
    reads: 'the song playing',
    origins: ['https://music.youtube.com/*'],
    hostnames: ['music.youtube.com'],
  },
  {
    id: 'bandcamp',
    label: 'Bandcamp',
    reads: 'track pages (an artist’s own domain: switch it on from the popup there)',
    origins: ['https://*.bandcamp.com/*'],
    hostnames: ['*.bandcamp.com'],
  },
  {
    id: 'lastfm',
    label: 'Last.fm',
    reads: 'track pages, in every language',
    origins: ['https://www.last.fm/*'],
    hostnames: ['www.last.fm'],
  },
  {
    id: 'genius',
    label: 'Genius',
    reads: 'song pages',
    origins: ['https://genius.com/*'],
    hostnames: ['genius.com'],
  },
  {
    id: 'soundcloud',
    label: 'SoundCloud',
    reads: 'track pages, on the mobile site too',
    origins: ['https://soundcloud.com/*', 'https://m.soundcloud.com/*'],
    hostnames: ['soundcloud.com', 'm.soundcloud.com'],
  },
  {
    id: 'apple-music',
    label: 'Apple Music',
    reads: 'song pages of the web player',
    origins: ['https://music.apple.com/*'],
    hostnames: ['music.apple.com'],
  },
  {
    id: 'deezer',
    label: 'Deezer',
    reads: 'track pages',
    origins: ['https://www.deezer.com/*'],
    hostnames: ['www.deezer.com'],
  },
  {
    id: 'tidal',
    label: 'TIDAL',
    reads: 'track pages',
    origins: ['https://tidal.com/*', 'https://listen.tidal.com/*'],
    hostnames: ['tidal.com', 'listen.tidal.com'],
  },
];

/** Every site's host permissions: the manifest's optional host permissions. */
export const ALL_SITE_ORIGINS: readonly string[] = SITES.flatMap((site) => site.origins);

/**
 * What "Enable on this site" may ask for: any https origin, one at a time. An optional host
 * permission only — the popup asks for the one origin of the page it is on (SPEC §10).
 */
export const ANY_HTTPS_ORIGIN = 'https://*/*';

export function siteById(id: SiteId): Site {
  return SITES.find((site) => site.id === id)!;
}

export function isSiteId(value: unknown): value is SiteId {
  return typeof value === 'string' && (SITE_IDS as readonly string[]).includes(value);
}

function hostnameMatches(pattern: string, hostname: string): boolean {
  return pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) : hostname === pattern;
}

/** An https URL without port or credentials, or null: the only pages the sites' readers run on. */
function plainHttpsUrl(url: string | URL): URL | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  // URL keeps "*" in a host; a match pattern would read it as a wildcard.
  const plainHost = /^[a-z0-9.-]+$/.test(parsed.hostname);
  return parsed.protocol === 'https:' && plainHost && !parsed.port && !parsed.username && !parsed.password ? parsed : null;
}

/** The site an https URL belongs to, or null (other schemes, ports and lookalike hosts too). */
export function siteOfUrl(url: string | URL): Site | null {
  const parsed = plainHttpsUrl(url);
  if (!parsed) return null;
  return SITES.find((site) => site.hostnames.some((pattern) => hostnameMatches(pattern, parsed.hostname))) ?? null;
}

/** "https://music.example.com" for a page there, or null: what "Enable on this site" switches on. */
export function originOfUrl(url: string | URL): string | null {
  return plainHttpsUrl(url)?.origin ?? null;
}

/** The host permission (and content-script match) for one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** Whether a value is an origin as `originOfUrl` gives them (settings are read back from storage). */
export function isHttpsOrigin(value: unknown): value is string {
  return typeof value === 'string' && originOfUrl(value) === value;
}
