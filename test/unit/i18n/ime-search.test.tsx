import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchBox as LibrarySearchBox } from '../../../components/library/SearchBox';
import { SearchBox as PopupSearchBox } from '../../../components/popup/SearchBox';

/**
 * Chinese typed through an IME: "周杰伦" arrives as "z", "zh", "zhou", … while composing, then the
 * chosen characters. Only ordinary input and `compositionend` search.
 */
describe('search boxes and an input method', () => {
  let document: Document;
  let window: Window & typeof globalThis;
  beforeEach(() => {
    ({ document, window } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>') as unknown as {
      document: Document;
      window: Window & typeof globalThis;
    });
    Object.assign(globalThis, { document, window });
  });
  afterEach(() => {
    render(null, document.getElementById('app')!);
    delete (globalThis as { document?: unknown }).document;
    delete (globalThis as { window?: unknown }).window;
  });

  function type(input: HTMLInputElement, kind: 'input' | 'compositionend', value: string, isComposing: boolean): void {
    input.value = value;
    const event = new window.Event(kind, { bubbles: true });
    Object.defineProperty(event, 'isComposing', { value: isComposing });
    input.dispatchEvent(event);
  }

  /** Chromium's order: every step an `input` while composing, then `compositionend`. Firefox sends the last `input` after it. */
  function composeChinese(input: HTMLInputElement, firefoxOrder: boolean): void {
    for (const step of ['z', 'zh', 'zhou', 'zhou j', 'zhou jie']) type(input, 'input', step, true);
    if (firefoxOrder) {
      type(input, 'compositionend', '周杰', false);
      type(input, 'input', '周杰', false);
    } else {
      type(input, 'input', '周杰', true);
      type(input, 'compositionend', '周杰', false);
    }
  }

  it.each([
    ['Chromium', false],
    ['Firefox', true],
  ])('the library box searches once per chosen text, not per composition step (%s order)', (_, firefoxOrder) => {
    const queries: string[] = [];
    render(<LibrarySearchBox value="" onChange={(query) => queries.push(query)} />, document.getElementById('app')!);
    const input = document.querySelector('input')!;
    composeChinese(input, firefoxOrder);
    expect(new Set(queries)).toEqual(new Set(['周杰']));
    type(input, 'input', '周杰伦 2', false);
    expect(queries.at(-1)).toBe('周杰伦 2');
  });

  it('the popup box does the same, and ignores Enter while composing', () => {
    const queries: string[] = [];
    const keys: string[] = [];
    render(
      <PopupSearchBox
        query=""
        placeholder=""
        inputRef={{ current: null }}
        describedBy="count"
        onQueryChange={(query) => queries.push(query)}
        onKeyDown={(event) => keys.push(event.key)}
        onFocusChange={() => undefined}
      />,
      document.getElementById('app')!,
    );
    const input = document.querySelector('input')!;
    composeChinese(input, false);
    expect(queries).toEqual(['周杰']);
    for (const isComposing of [true, false]) {
      const enter = new window.Event('keydown', { bubbles: true });
      Object.defineProperties(enter, { key: { value: 'Enter' }, isComposing: { value: isComposing } });
      input.dispatchEvent(enter);
    }
    expect(keys).toEqual(['Enter']);
  });
});
