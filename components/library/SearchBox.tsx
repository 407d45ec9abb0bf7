import { t } from '../../lib/i18n';
import { useComposedInput } from '../hooks/use-composed-input';
interface SearchBoxProps {
  value: string;
  onChange: (query: string) => void;
  id?: string;
  label?: string;
}

/** The filter box: the popup's search (SPEC §7). Escape clears it, as in the popup. */
export function SearchBox({ value, onChange, id = 'library-search', label = t('search.label') }: SearchBoxProps) {
  const composed = useComposedInput(value, onChange);
  return (
    <div class="library-search">
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={t('library.searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        // biome-ignore lint/a11y/noAutofocus: searching is what the library page opens for (SPEC §6), as in the popup
        autoFocus
        value={composed.value}
        onInput={composed.onInput}
        onCompositionEnd={composed.onCompositionEnd}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value && !event.isComposing) {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
