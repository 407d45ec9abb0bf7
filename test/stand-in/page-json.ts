/**
 * JSON for `GET /me/tracks` pages, byte for byte what `JSON.stringify` gives, about 3x faster.
 *
 * Two thirds of a page are the `available_markets` arrays (185 codes, on every track and its
 * album): 2.6 ms per page of 50, or 5 s of the stand-in's CPU in a 100,000-track sync, taken
 * from the browser under test on a small machine. Generated tracks all share one frozen
 * markets array, so its JSON is made once and spliced in where a marker stands.
 */
import { randomUUID } from 'node:crypto';
import { MARKETS } from './markets';
import type { PagingSavedTrackObject } from './spotify-types';

const MARKETS_MARKER = `\u0000markets ${randomUUID()}`;
const MARKER_JSON = JSON.stringify(MARKETS_MARKER);
const MARKETS_JSON = JSON.stringify(MARKETS);

export function pageJson(page: PagingSavedTrackObject): string {
  const json = JSON.stringify({ ...page, items: page.items.map(withMarketsMarked) });
  return json.replaceAll(MARKER_JSON, MARKETS_JSON);
}

/** A shallow copy with the shared markets arrays replaced by the marker; anything else as is. */
function withMarketsMarked(item: unknown): unknown {
  const track = (item as { track?: unknown } | null)?.track as Record<string, unknown> | null | undefined;
  if (typeof track !== 'object' || track === null) return item;
  const album = track.album as Record<string, unknown> | null | undefined;
  const markedAlbum =
    typeof album === 'object' && album !== null && album.available_markets === MARKETS ? { ...album, available_markets: MARKETS_MARKER } : album;
  const markedTrack: Record<string, unknown> = { ...track, album: markedAlbum };
  if (track.available_markets === MARKETS) markedTrack.available_markets = MARKETS_MARKER;
  return { ...(item as object), track: markedTrack };
}
