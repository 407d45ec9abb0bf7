import type { SiteTrack } from '../site-track';
import { readJsonLdRecording, textOf } from './structured-data';

/**
 * Last.fm track pages (https://www.last.fm/music/ARTIST/_/TRACK, also their /+wiki, /+shoutbox
 * … tabs, and every language: /de/music/…, /ja/music/…, /pt/music/…). Try on any track from a
 * chart. The header names track and artist; the URL names them too ("+" for spaces), which is
 * the fallback.
 */
const TRACK_PATH = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/music\/([^/]+)\/_\/([^/]+)/;

export function extractLastFm(doc: Document, url: URL): SiteTrack | null {
  const path = TRACK_PATH.exec(url.pathname);
  if (!path) return null;
  return readJsonLdRecording(doc, url) ?? fromHeader(doc) ?? fromPath(path[1], path[2]);
}

function fromHeader(doc: Document): SiteTrack | null {
  const title = textOf(doc, 'h1.header-new-title');
  const artist = textOf(doc, '.header-new-crumb [itemprop="name"]') ?? textOf(doc, 'a.header-new-crumb');
  return title && artist ? { title, artists: [artist] } : null;
}

function fromPath(artist: string, title: string): SiteTrack | null {
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      return '';
    }
  };
  const track = { title: decode(title), artists: [decode(artist)] };
  return track.title && track.artists[0] ? track : null;
}
