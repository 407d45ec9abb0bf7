interface SearchBoxProps {
  value: string;
  onChange: (query: string) => void;
}

/** The filter box: the popup's search (SPEC §7). Escape clears it, as in the popup. */
export function SearchBox({ value, onChange }: SearchBoxProps) {
  return (
    <div class="library-search">
      <label for="library-search" class="visually-hidden">
        Search your saved tracks
      </label>
      <input
        id="library-search"
        type="search"
        placeholder="Search titles, artists, albums"
        autocomplete="off"
        spellcheck={false}
        autoFocus
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
