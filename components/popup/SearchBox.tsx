import type { Ref } from 'preact';
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
  return (
    <div class="search-box">
      <label for="popup-search" class="visually-hidden">
        Search your saved tracks
      </label>
      <Icon name="search" />
      <input
        id="popup-search"
        ref={inputRef}
        type="search"
        placeholder={placeholder}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the popup opens to search (SPEC §6: focused on open); see SearchPanel
        autoFocus
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="go"
        aria-describedby={describedBy}
        onInput={(event) => onQueryChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => onFocusChange(true)}
        onBlur={() => onFocusChange(false)}
      />
    </div>
  );
}
