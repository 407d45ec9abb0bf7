/**
 * The music sites where Tracklight can show the saved state of the song on the page (issue #9).
 * Each is opt-in: its hosts are optional permissions, asked for when the user switches it on,
 * and its content script is registered only then. Kept free of browser APIs: the manifest
 * (wxt.config.ts), the background, the options page and the content script all read it.
 */

export const SITE_IDS = ['youtube', 'youtube-music', 'bandcamp', 'lastfm', 'genius', 'soundcloud'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface Site {
  id: SiteId;
  label: string;
  /** What the options page says Tracklight reads there. */
  pages: string;
  /** Host permissions to ask for; also where the content script runs (whole hosts: these are single-page apps). */
  origins: readonly string[];
  /** Hostnames the origins cover; `*.` = any subdomain. */
  hostnames: readonly string[];
}

export const SITES: readonly Site[] = [
  {
    id: 'youtube',
    label: 'YouTube',
    pages: 'watch pages',
    origins: ['https://www.youtube.com/*'],
    hostnames: ['www.youtube.com'],
  },
  {
    id: 'youtube-music',
    label: 'YouTube Music',
    pages: 'the song playing',
    origins: ['https://music.youtube.com/*'],
    hostnames: ['music.youtube.com'],
  },
  {
    id: 'bandcamp',
    label: 'Bandcamp',
    pages: 'track pages',
    origins: ['https://*.bandcamp.com/*'],
    hostnames: ['*.bandcamp.com'],
  },
  {
    id: 'lastfm',
    label: 'Last.fm',
    pages: 'track pages',
    origins: ['https://www.last.fm/*'],
    hostnames: ['www.last.fm'],
  },
  {
    id: 'genius',
    label: 'Genius',
    pages: 'song pages',
    origins: ['https://genius.com/*'],
    hostnames: ['genius.com'],
  },
  {
    id: 'soundcloud',
    label: 'SoundCloud',
    pages: 'track pages',
    origins: ['https://soundcloud.com/*'],
    hostnames: ['soundcloud.com'],
  },
];

/** Every site's host permissions: the manifest's optional host permissions. */
export const ALL_SITE_ORIGINS: readonly string[] = SITES.flatMap((site) => site.origins);

export function siteById(id: SiteId): Site {
  return SITES.find((site) => site.id === id)!;
}

export function isSiteId(value: unknown): value is SiteId {
  return typeof value === 'string' && (SITE_IDS as readonly string[]).includes(value);
}

function hostnameMatches(pattern: string, hostname: string): boolean {
  return pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) : hostname === pattern;
}

/** The site an https URL belongs to, or null (other schemes, ports and lookalike hosts too). */
export function siteOfUrl(url: string | URL): Site | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port || parsed.username || parsed.password) return null;
  return SITES.find((site) => site.hostnames.some((pattern) => hostnameMatches(pattern, parsed.hostname))) ?? null;
}
