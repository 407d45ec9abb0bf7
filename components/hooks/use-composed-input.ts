import { useEffect, useState } from 'preact/hooks';

export interface ComposedInput {
  /** The text in the box, composition included. */
  value: string;
  onInput: (event: InputEvent & { currentTarget: HTMLInputElement }) => void;
  onCompositionEnd: (event: CompositionEvent & { currentTarget: HTMLInputElement }) => void;
}

/**
 * A search box that waits for an IME: while a Chinese (or Japanese, Korean…) input method is
 * composing, each keystroke is pinyin or a candidate, not the query. The box shows it as it
 * is typed; the search runs on ordinary input and once, on `compositionend`, for the text
 * chosen. Chromium sends the last `input` before `compositionend` (still composing), Firefox
 * after it: a query reported twice is the same query, which changes nothing.
 */
export function useComposedInput(query: string, onQueryChange: (query: string) => void): ComposedInput {
  const [value, setValue] = useState(query);
  // The query changed from outside (Escape cleared it): the box follows.
  useEffect(() => setValue(query), [query]);
  return {
    value,
    onInput(event) {
      const text = event.currentTarget.value;
      setValue(text);
      if (!event.isComposing) onQueryChange(text);
    },
    onCompositionEnd(event) {
      onQueryChange(event.currentTarget.value);
    },
  };
}
