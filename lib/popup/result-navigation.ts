/**
 * Keyboard movement between the search box and the result rows (SPEC §7: arrows move, Enter
 * opens, Escape clears). Focus really moves to each row's link, so every screen reader and the
 * browser's own focus ring follow it with no ARIA stand-in for focus.
 */

/** Where focus is: the search box, or a result row by its index in display order. */
export const SEARCH_BOX = -1;

/** Rows a Page Up / Page Down moves: about what the popup shows at once. */
const PAGE_ROWS = 8;

/**
 * Where focus goes from `from` when `key` is pressed, among `resultCount` results (rows not
 * rendered yet included: moving onto one renders it), or null when the key does not move it.
 */
export function nextFocus(from: number, key: string, resultCount: number): number | null {
  const to = target(from, key, resultCount - 1);
  return to === null || to === from ? null : to;
}

function target(from: number, key: string, last: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return from === SEARCH_BOX ? null : from - 1;
    case 'PageDown':
      return Math.min(from + PAGE_ROWS, last);
    case 'PageUp':
      return from === SEARCH_BOX ? null : Math.max(from - PAGE_ROWS, 0);
    // In the search box Home and End move the caret; in the list they jump.
    case 'Home':
      return from === SEARCH_BOX ? null : 0;
    case 'End':
      return from === SEARCH_BOX ? null : last;
    default:
      return null;
  }
}

/** Keys that type without being a character themselves: a dead key starts an accented letter. */
const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Dead']);

/**
 * A key that types into the search box: pressed on a row, it sends focus back to the box first
 * so that typing just goes on. Control and Alt chords are shortcuts, not typing.
 */
export function isTypingKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (event.key.length === 1 || EDITING_KEYS.has(event.key)) && !event.ctrlKey && !event.metaKey && !event.altKey;
}
