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
