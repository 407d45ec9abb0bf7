/**
 * The layout of a search key and where words start in it.
 *
 * Every word of a key is preceded by a control character naming its field: U+0001 title,
 * U+0002 artists, U+0003 album — "␁halo␂beyonce␃i␃am␃sasha␃fierce". One character per word,
 * as a space would cost, and the matcher learns both "a word starts here" and "in which
 * field" from the one character before a match, with no further search. Folding removes
 * control characters from input, so markers never occur inside a word. Highlighting folds
 * display text into the same layout, all words marked as title.
 */

export const TITLE_FIELD = 0;
export const ARTISTS_FIELD = 1;
export const ALBUM_FIELD = 2;

export type Field = typeof TITLE_FIELD | typeof ARTISTS_FIELD | typeof ALBUM_FIELD;

const FIELD_MARKERS = ['\u0001', '\u0002', '\u0003'] as const;
const LAST_MARKER_CODE = 3;

export function fieldMarker(field: Field): string {
  return FIELD_MARKERS[field];
}

/** Whether a character code is a field marker; false for NaN (before the start, past the end). */
export function isMarker(code: number): boolean {
  return code <= LAST_MARKER_CODE;
}

/** The field a marker names. */
export function fieldOfMarker(code: number): Field {
  return (code - 1) as Field;
}

/**
 * Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer), plus
 * surrogates, which after folding are almost only CJK extension ideographs. Hangul is written
 * with spaces, so it is not here.
 */
export function isUnsegmented(code: number): boolean {
  return (
    (code >= 0x0e00 && code <= 0x0eff) ||
    (code >= 0x1000 && code <= 0x109f) ||
    (code >= 0x1780 && code <= 0x17ff) ||
    (code >= 0x3005 && code <= 0x3007) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/**
 * Whether a token may begin at `position`, whose previous character is not a marker. In a
 * run of an unsegmented script every character may begin a word, since we cannot know where
 * its words are: "龍一" finds "坂本龍一" and "名は" finds "君の名は" — looser than a word
 * prefix, but a miss is worse than an extra result here.
 */
export function startsWordInRunAt(text: string, position: number): boolean {
  const before = text.charCodeAt(position - 1);
  if (before < 0x0e00) return false; // Fast exit: Latin, Greek, Cyrillic, Hangul jamo are below.
  const code = text.charCodeAt(position);
  return isUnsegmented(before) && isUnsegmented(code) && !(code >= 0xdc00 && code <= 0xdfff);
}

/** Whether a token may begin at `position`: after a marker, or inside an unsegmented run. */
export function startsWordAt(text: string, position: number): boolean {
  return isMarker(text.charCodeAt(position - 1)) || startsWordInRunAt(text, position);
}

/** Before a marker or at the end of the text. */
export function endsWordAt(text: string, end: number): boolean {
  return !(text.charCodeAt(end) > LAST_MARKER_CODE);
}

/** The field of the word that holds `position`: the nearest marker before it names it. */
export function fieldAt(key: string, position: number): Field {
  let before = position - 1;
  while (before > 0 && !isMarker(key.charCodeAt(before))) before--;
  return fieldOfMarker(key.charCodeAt(before));
}
