import { foldWords, foldWordsWithSources, type FoldedWord } from './fold';
import { TITLE_FIELD, fieldMarker } from './key-format';

/**
 * The words a field is searched by: each folded word, then each of its parts after dropped
 * punctuation — "AC/DC" → acdc, dc; "Jay-Z" → jayz, z; "O'Connor" → oconnor, connor — so
 * "acdc", "dc", "jay z" and "connor" all find their word by its start. The parts cost a few
 * bytes on the few words with inner punctuation, and never more than the word itself (whole
 * suffixes would grow quadratically on a hostile "a/a/a/…").
 */
export function searchWordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of foldWords(text)) {
    words.push(word.text);
    forEachPart(word, (start, end) => words.push(word.text.slice(start, end)));
  }
  return words;
}

/** Calls `visit` with the range of each part after the first: "acdc" from "AC/DC" → [2, 4). */
function forEachPart(word: FoldedWord, visit: (start: number, end: number) => void): void {
  const { partStarts, text } = word;
  for (let part = 0; part < partStarts.length; part++) {
    visit(partStarts[part], part + 1 < partStarts.length ? partStarts[part + 1] : text.length);
  }
}

/**
 * The search words of a display text in the key layout (each word behind the title marker),
 * with each UTF-16 unit's range in the input: what highlighting matches against.
 */
export interface MappedSearchField {
  text: string;
  sourceStarts: number[];
  sourceEnds: number[];
}

/** The same words as `searchWordsOf`, mapped back to the input for highlighting. */
export function mappedSearchFieldOf(text: string): MappedSearchField {
  const field: MappedSearchField = { text: '', sourceStarts: [], sourceEnds: [] };
  const append = (piece: string, sourceStarts: readonly number[], sourceEnds: readonly number[]): void => {
    // The marker stands for nothing in the input; no match ever covers it.
    field.text += fieldMarker(TITLE_FIELD) + piece;
    field.sourceStarts.push(-1);
    field.sourceEnds.push(-1);
    // A loop, not push(...): a hostile name of a million characters would overflow the stack.
    for (let unit = 0; unit < piece.length; unit++) {
      field.sourceStarts.push(sourceStarts[unit]);
      field.sourceEnds.push(sourceEnds[unit]);
    }
  };
  for (const word of foldWordsWithSources(text)) {
    append(word.text, word.sourceStarts, word.sourceEnds);
    forEachPart(word, (start, end) => append(word.text.slice(start, end), word.sourceStarts.slice(start, end), word.sourceEnds.slice(start, end)));
  }
  return field;
}
