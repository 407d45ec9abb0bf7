import type { SiteTrack } from '../site-track';

/**
 * Structured data a music page describes its song with: JSON-LD `MusicRecording`
 * (schema.org), Open Graph and `music:` meta tags, microdata, and the JSON some apps leave in
 * an inline script for their own start-up. Read first on every site: it is meant for machines
 * and changes less than the markup.
 */

/** JSON-LD blocks larger than this are not a song's description: skipped unparsed. */
const MAX_JSON_LD_LENGTH = 200_000;
/** An app's start-up state (Deezer's, SoundCloud's) is larger: a page of comments, a user profile. */
const MAX_APP_STATE_LENGTH = 2_000_000;

export function metaContent(doc: Document, key: string): string | null {
  const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
  const content = element?.getAttribute('content')?.trim();
  return content ? content : null;
}

export function textOf(doc: Document | Element, selector: string): string | null {
  const element = doc.querySelector(selector);
  return element ? visibleText(element) : null;
}

/**
 * An element's text without what icons carry: a verified badge is an `<svg><title>Verified</title>`
 * inside the name's link on SoundCloud, and `textContent` would append "Verified" to the name.
 */
export function visibleText(element: Element): string | null {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && (node as Element).localName !== 'svg') for (const child of node.childNodes) walk(child);
  };
  walk(element);
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** "PT4M13S", "P00H03M58S" → milliseconds. */
export function parseIsoDuration(text: string | null | undefined): number | undefined {
  const match = /^P(?:T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)$/i.exec(text?.trim() ?? '');
  if (!match || text!.trim().length <= 2) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000);
  return ms > 0 ? ms : undefined;
}

/** "224" (seconds, as `music:duration` and Deezer give it) → milliseconds. */
export function secondsToMs(text: string | number | null | undefined): number | undefined {
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/** Whether a URL the page states is this page (scheme, host and path; the query and hash aside). */
export function sameHostAndPath(stated: string, documentUrl: URL): boolean {
  try {
    const url = new URL(stated, documentUrl);
    return url.host === documentUrl.host && url.pathname.replace(/\/$/, '') === documentUrl.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON an inline script assigns to a global (`window.__DZR_APP_STATE__ = {…}`,
 * `window.__sc_hydration = […];`): a content script cannot see the page's globals, but it can
 * read the script's text.
 */
export function readAssignedJson(doc: Document, globalName: string): unknown {
  const marker = `${globalName} = `;
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const at = text.indexOf(marker);
    if (at < 0 || text.length > MAX_APP_STATE_LENGTH) continue;
    const json = text
      .slice(at + marker.length)
      .trim()
      .replace(/;\s*$/, '');
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface JsonLdOptions {
  /** Whether a URL the recording states is this page; `sameHostAndPath` unless a site names pages otherwise. */
  isThisUrl?(stated: string): boolean;
}

/**
 * The one JSON-LD `MusicRecording` the page describes — at the top, in an array or `@graph`,
 * or as the `audio` of a `MusicComposition` (Apple Music) — or null. A recording that names its
 * own URL (`url`, else `@id`) must name this page: single-page apps leave the first page's
 * JSON-LD behind when they move on. A page that lists several recordings (a chart, a playlist)
 * is not one song: null too. Recordings inside an album's track list or an article's `about`
 * are not the page's song and are not looked for.
 */
export function readJsonLdRecording(doc: Document, documentUrl: URL, options: JsonLdOptions = {}): SiteTrack | null {
  const isThisUrl = options.isThisUrl ?? ((stated: string) => sameHostAndPath(stated, documentUrl));
  const found = new Map<string, SiteTrack>();
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_LENGTH) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const { recording, stated } of findRecordings(data, 0)) {
      if (stated !== null && !isThisUrl(stated)) continue;
      const track = recordingToTrack(recording);
      if (track) found.set(`${track.title}\n${track.artists.join('\n')}`, track);
    }
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

function hasType(node: JsonObject, type: string): boolean {
  const value = node['@type'];
  return value === type || (Array.isArray(value) && value.includes(type));
}

function statedUrl(node: JsonObject): string | null {
  if (typeof node.url === 'string') return node.url;
  return typeof node['@id'] === 'string' ? node['@id'] : null;
}

interface FoundRecording {
  recording: JsonObject;
  /** The URL the recording (or the composition holding it) says it is, if any. */
  stated: string | null;
}

function findRecordings(node: unknown, depth: number): FoundRecording[] {
  if (depth > 4) return [];
  if (Array.isArray(node)) return node.flatMap((item) => findRecordings(item, depth + 1));
  if (!isObject(node)) return [];
  if (hasType(node, 'MusicRecording')) return [{ recording: node, stated: statedUrl(node) }];
  if (hasType(node, 'MusicComposition') && isObject(node.audio) && hasType(node.audio, 'MusicRecording')) {
    return [{ recording: node.audio, stated: statedUrl(node.audio) ?? statedUrl(node) }];
  }
  return findRecordings(node['@graph'], depth + 1);
}

function nameOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(nameOf);
  if (isObject(value) && typeof value.name === 'string') return [value.name];
  return [];
}

function recordingToTrack(recording: JsonObject): SiteTrack | null {
  const [title] = nameOf(recording.name);
  const artists = nameOf(recording.byArtist);
  if (!title || artists.length === 0) return null;
  const track: SiteTrack = { title, artists };
  const durationMs = parseIsoDuration(typeof recording.duration === 'string' ? recording.duration : null);
  if (durationMs !== undefined) track.durationMs = durationMs;
  if (typeof recording.isrcCode === 'string') track.isrc = recording.isrcCode;
  return track;
}
