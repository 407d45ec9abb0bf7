import type { Ref } from 'preact';
import { t } from '../../lib/i18n';
import { useComposedInput } from '../hooks/use-composed-input';
import { Icon } from './Icon';

interface SearchBoxProps {
  query: string;
  placeholder: string;
  inputRef: Ref<HTMLInputElement>;
  /** Id of the element that says how many results there are. */
  describedBy: string;
  onQueryChange: (query: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onFocusChange: (focused: boolean) => void;
}

export function SearchBox({ query, placeholder, inputRef, describedBy, onQueryChange, onKeyDown, onFocusChange }: SearchBoxProps) {
  const composed = useComposedInput(query, onQueryChange);
  return (
    <div class="search-box">
      <label for="popup-search" class="visually-hidden">
        {t('search.label')}
      </label>
      <Icon name="search" />
      <input
        id="popup-search"
        ref={inputRef}
        type="search"
        placeholder={placeholder}
        value={composed.value}
        // biome-ignore lint/a11y/noAutofocus: the popup opens to search (SPEC §6: focused on open); see SearchPanel
        autoFocus
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="go"
        aria-describedby={describedBy}
        onInput={composed.onInput}
        onCompositionEnd={composed.onCompositionEnd}
        // Enter and Escape while an IME composes choose or cancel its candidate: not ours.
        onKeyDown={(event) => event.isComposing || onKeyDown(event)}
        onFocus={() => onFocusChange(true)}
        onBlur={() => onFocusChange(false)}
      />
    </div>
  );
}
