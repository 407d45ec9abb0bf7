import type { SiteTrack } from '../site-track';
import type { SiteId } from '../sites';
import { extractAppleMusic } from './apple-music';
import { extractBandcamp } from './bandcamp';
import { extractDeezer } from './deezer';
import { extractGenius } from './genius';
import { extractLastFm } from './lastfm';
import { extractSoundCloud } from './soundcloud';
import { extractTidal } from './tidal';
import { extractYouTube } from './youtube';
import { extractYouTubeMusic } from './youtube-music';

export { extractGenericSite } from './generic-site';

/** Reads the song a page shows, or null when it shows none (yet). */
export type Extractor = (doc: Document, url: URL) => SiteTrack | null;

export const EXTRACTORS: Readonly<Record<SiteId, Extractor>> = {
  youtube: extractYouTube,
  'youtube-music': extractYouTubeMusic,
  bandcamp: extractBandcamp,
  lastfm: extractLastFm,
  genius: extractGenius,
  soundcloud: extractSoundCloud,
  'apple-music': extractAppleMusic,
  deezer: extractDeezer,
  tidal: extractTidal,
};
