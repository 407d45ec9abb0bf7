import type { PageTrack } from '../page-track';
import type { SiteId } from '../sites';
import { extractBandcamp } from './bandcamp';
import { extractGenius } from './genius';
import { extractLastFm } from './lastfm';
import { extractSoundCloud } from './soundcloud';
import { extractYouTube } from './youtube';
import { extractYouTubeMusic } from './youtube-music';

/** Reads the song a page shows, or null when it shows none (yet). */
export type Extractor = (doc: Document, url: URL) => PageTrack | null;

export const EXTRACTORS: Readonly<Record<SiteId, Extractor>> = {
  youtube: extractYouTube,
  'youtube-music': extractYouTubeMusic,
  bandcamp: extractBandcamp,
  lastfm: extractLastFm,
  genius: extractGenius,
  soundcloud: extractSoundCloud,
};
