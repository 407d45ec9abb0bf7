import { classifyTitlePart } from './version-markers';

/**
 * A song title taken apart: the words that name the song, the versions it names, and the
 * artists it credits. "Queen - Bohemian Rhapsody (Official Video Remastered)" gives the pieces
 * ["Queen", "Bohemian Rhapsody"] and nothing else; "Hello - Live at the NRJ Awards" gives
 * ["Hello"] and the marker "live"; "Song (feat. X) [Skrillex Remix]" gives ["Song"],
 * "remix:skrillex" and the credit "X".
 */
export interface TitleParts {
  /** The pieces between spaced dashes that are not decorations, in order (usually one). */
  pieces: string[];
  /** Version markers, sorted and distinct ("" parts never). */
  markers: string[];
  /** Names credited with feat. / ft. / with, as written. */
  featured: string[];
}

/** One level of brackets of any common kind (nesting is rare in titles and not worth more). */
const BRACKETED = /[([{（【]([^()[\]{}（）【】]*)[)\]}）】]/g;
/** A spaced dash, a pipe or a double slash: where video titles put "Artist - Title" or "| Official Video". */
const PIECE_BREAK = /\s+[-–—~]\s+|\s*\|\s*|\s+\/\/\s+/;
/** "Song feat. X" without brackets. */
const INLINE_FEATURE = /\s(?:feat\.?|ft\.?|featuring)\s+(.+)$/i;
/** Decorations video titles add without brackets: "Song Official Video", "Song M/V". */
const TRAILING_DECORATION = /\s+(?:official\s+(?:music\s+|lyric\s+)?(?:video|audio)|lyric\s+video|lyrics|m\/v|mv|hd|hq|4k)$/i;
/** Titles with none of these characters or words are a single plain piece: most of a library. */
const NEEDS_PARSING = /[([{（【|–—~]|\s-\s|\/\/|\bf(?:ea)?t\b|\s(?:official|lyrics?|m\/v|mv|hd|hq|4k)\b/i;

/** Release and licence tags labels add to uploads: "[NCS Release]", "[Free Download]", "(No Copyright Music)". */
const LABEL_TAG = /\s*[[(【](?:[^\])】]*\srelease|free\s+(?:download|dl)|(?:no\s+copyright|copyright\s+free|royalty\s+free)(?:\s+music|\s+sounds?)?)[\])】]/gi;
/** "Title | Free Download" */
const TRAILING_FREE_DOWNLOAD = /\s*\|\s*free\s+(?:download|dl)\s*$/i;
/** A genre or channel tag opening a video title: "[Electro] Artist - Title", "【MV】…". */
const LEADING_TAG = /^\s*(?:\[[^\]]*\]|【[^】]*】)\s*(?:[-–—]\s*)?(?=\S)/;
/** Japanese quotation brackets around the song: Artist「Title」, Artist『Title』. */
const QUOTED_SONG = /\s*[「『]([^」』]+)[」』]\s*/;
/** "Title / Artist": a spaced single slash (a double slash is already a piece break). */
const SPACED_SLASH = /\s+\/\s+/g;

/**
 * A page's title without what labels and uploaders wrap songs in. A video title
 * (`isVideoTitle`: the page's artist is an uploader, not a credit) also loses a leading tag, and
 * its Japanese quotation brackets and spaced slashes become piece breaks, so that
 * "YOASOBI「アイドル」" and "怪獣の花唄 / Vaundy" split like "Artist - Title". Library tracks are
 * never cleaned this way: these conventions are the uploaders', not Spotify's.
 */
export function cleanSiteTitle(title: string, isVideoTitle: boolean): string {
  const untagged = title.replace(LABEL_TAG, ' ').replace(TRAILING_FREE_DOWNLOAD, '').trim();
  if (!isVideoTitle) return untagged || title;
  const cleaned = untagged
    .replace(LEADING_TAG, '')
    .replace(QUOTED_SONG, ' - $1 - ')
    .replace(SPACED_SLASH, ' - ')
    .replace(/(?:\s+-\s*)+$/, '')
    .trim();
  return cleaned || title;
}

export function splitTitle(title: string): TitleParts {
  if (!NEEDS_PARSING.test(title)) return { pieces: [title], markers: [], featured: [] };
  const markers = new Set<string>();
  const featured: string[] = [];

  function keepOrTake(part: string): boolean {
    const classified = classifyTitlePart(part);
    if (classified.kind === 'version') markers.add(classified.marker);
    if (classified.kind === 'featured') featured.push(classified.names.trim());
    return classified.kind === 'other';
  }

  // Brackets first: "(Official Video)" may sit anywhere; "(I Can't Get No) Satisfaction" stays.
  const unbracketed = title.replace(BRACKETED, (_, inner: string) => (keepOrTake(inner) ? ` ${inner} ` : ' '));
  const pieces: string[] = [];
  for (const piece of unbracketed.split(PIECE_BREAK)) {
    const text = piece.trim();
    if (!text) continue;
    // Only a later piece can be a decoration: "Live - Bootleg" is still named "Live".
    if (pieces.length > 0 && !keepOrTake(text)) continue;
    const feature = INLINE_FEATURE.exec(text);
    if (feature) featured.push(feature[1].trim());
    pieces.push((feature ? text.slice(0, feature.index) : text).replace(TRAILING_DECORATION, '').trim());
  }
  return { pieces: pieces.filter(Boolean), markers: [...markers].sort(), featured };
}
