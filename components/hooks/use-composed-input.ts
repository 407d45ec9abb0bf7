import { useState } from 'preact/hooks';

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
 *
 * Outside a composition the box shows `query` itself, so a keystroke is never overwritten by an
 * older value (a copy synced in an effect lost characters typed faster than effects run).
 */
export function useComposedInput(query: string, onQueryChange: (query: string) => void): ComposedInput {
  const [composing, setComposing] = useState<string | null>(null);
  return {
    value: composing ?? query,
    onInput(event) {
      const text = event.currentTarget.value;
      if (event.isComposing) {
        setComposing(text);
        return;
      }
      setComposing(null);
      onQueryChange(text);
    },
    onCompositionEnd(event) {
      setComposing(null);
      onQueryChange(event.currentTarget.value);
    },
  };
}
