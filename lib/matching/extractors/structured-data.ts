import type { PageTrack } from '../page-track';

/**
 * Structured data a music page describes its song with: JSON-LD `MusicRecording`
 * (schema.org), Open Graph and `music:` meta tags, microdata. Read first on every site: it is
 * meant for machines and changes less than the markup.
 */

/** JSON-LD blocks larger than this are not a song's description: skipped unparsed. */
const MAX_JSON_LD_LENGTH = 200_000;

export function metaContent(doc: Document, key: string): string | null {
  const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
  const content = element?.getAttribute('content')?.trim();
  return content ? content : null;
}

export function textOf(doc: Document | Element, selector: string): string | null {
  const text = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** "PT4M13S", "P00H03M58S" → milliseconds. */
export function parseIsoDuration(text: string | null | undefined): number | undefined {
  const match = /^P(?:T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)$/i.exec(text?.trim() ?? '');
  if (!match || text!.trim().length <= 2) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000);
  return ms > 0 ? ms : undefined;
}

/**
 * The first JSON-LD `MusicRecording` of the page (also inside arrays and `@graph`), or null.
 * A recording that names its own URL must name this page: single-page apps leave the first
 * page's JSON-LD behind when they move on.
 */
export function readJsonLdRecording(doc: Document, pageUrl: URL): PageTrack | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_LENGTH) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const recording = findRecording(data, 0);
    if (!recording) continue;
    if (typeof recording.url === 'string' && !samePage(recording.url, pageUrl)) continue;
    const track = recordingToTrack(recording);
    if (track) return track;
  }
  return null;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(node: JsonObject, type: string): boolean {
  const value = node['@type'];
  return value === type || (Array.isArray(value) && value.includes(type));
}

function findRecording(node: unknown, depth: number): JsonObject | null {
  if (depth > 4) return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findRecording(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(node)) return null;
  if (hasType(node, 'MusicRecording')) return node;
  return findRecording(node['@graph'], depth + 1);
}

function nameOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(nameOf);
  if (isObject(value) && typeof value.name === 'string') return [value.name];
  return [];
}

function recordingToTrack(recording: JsonObject): PageTrack | null {
  const [title] = nameOf(recording.name);
  const artists = nameOf(recording.byArtist);
  if (!title || artists.length === 0) return null;
  const track: PageTrack = { title, artists };
  const durationMs = parseIsoDuration(typeof recording.duration === 'string' ? recording.duration : null);
  if (durationMs !== undefined) track.durationMs = durationMs;
  if (typeof recording.isrcCode === 'string') track.isrc = recording.isrcCode;
  return track;
}

/** Whether a URL the page states is this page (scheme, host and path; the query and hash aside). */
export function samePage(stated: string, pageUrl: URL): boolean {
  try {
    const url = new URL(stated, pageUrl);
    return url.host === pageUrl.host && url.pathname.replace(/\/$/, '') === pageUrl.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}
