import { describe, expect, it } from 'vitest';
import { isTypingKey, nextFocus, SEARCH_BOX } from '../../../lib/popup/result-navigation';

describe('nextFocus', () => {
  it.each<[string, number, string, number, number | null]>([
    ['down from the box to the first row', SEARCH_BOX, 'ArrowDown', 50, 0],
    ['down a row', 3, 'ArrowDown', 50, 4],
    ['down at the last row stays', 49, 'ArrowDown', 50, null],
    ['down with no results stays in the box', SEARCH_BOX, 'ArrowDown', 0, null],
    ['up a row', 4, 'ArrowUp', 50, 3],
    ['up from the first row back to the box', 0, 'ArrowUp', 50, SEARCH_BOX],
    ['up in the box is the caret’s', SEARCH_BOX, 'ArrowUp', 50, null],
    ['page down from the box', SEARCH_BOX, 'PageDown', 50, 7],
    ['page down stops at the last row', 45, 'PageDown', 50, 49],
    ['page up stops at the first row', 3, 'PageUp', 50, 0],
    ['page up in the box', SEARCH_BOX, 'PageUp', 50, null],
    ['home in the list', 12, 'Home', 50, 0],
    ['end in the list', 12, 'End', 50, 49],
    ['home in the box is the caret’s', SEARCH_BOX, 'Home', 50, null],
    ['end in the box is the caret’s', SEARCH_BOX, 'End', 50, null],
    ['other keys do not move', 2, 'a', 50, null],
    ['enter does not move', 2, 'Enter', 50, null],
  ])('%s', (_, from, key, count, to) => {
    expect(nextFocus(from, key, count)).toBe(to);
  });
});

describe('isTypingKey', () => {
  const plain = { ctrlKey: false, metaKey: false, altKey: false };
  it.each<[string, Partial<KeyboardEvent>, boolean]>([
    ['a letter', { key: 'a' }, true],
    ['a Cyrillic letter', { key: 'ж' }, true],
    ['a space', { key: ' ' }, true],
    ['backspace', { key: 'Backspace' }, true],
    ['a dead key (the start of é)', { key: 'Dead' }, true],
    ['an arrow', { key: 'ArrowDown' }, false],
    ['Tab', { key: 'Tab' }, false],
    ['a Ctrl chord (copy)', { key: 'c', ctrlKey: true }, false],
    ['a Cmd chord', { key: 'c', metaKey: true }, false],
    ['an Alt chord', { key: 'x', altKey: true }, false],
  ])('%s', (_, event, typing) => {
    expect(isTypingKey({ ...plain, key: '', ...event })).toBe(typing);
  });
});
