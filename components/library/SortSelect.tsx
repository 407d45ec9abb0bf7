import { t } from '../../lib/i18n';
import { isSortField, type SortDirection, type SortField, type SortSpec } from '../../lib/library-view/sort-spec';

/** Labels are read when rendered: the words are the UI language's. */
const OPTIONS: ReadonlyArray<[SortField, SortDirection, () => string]> = [
  ['addedAt', 'desc', () => t('sort.addedDesc')],
  ['addedAt', 'asc', () => t('sort.addedAsc')],
  ['title', 'asc', () => t('sort.titleAsc')],
  ['title', 'desc', () => t('sort.titleDesc')],
  ['artist', 'asc', () => t('sort.artistAsc')],
  ['artist', 'desc', () => t('sort.artistDesc')],
  ['album', 'asc', () => t('sort.albumAsc')],
  ['album', 'desc', () => t('sort.albumDesc')],
  ['duration', 'asc', () => t('sort.durationAsc')],
  ['duration', 'desc', () => t('sort.durationDesc')],
  ['releaseDate', 'desc', () => t('sort.releaseDesc')],
  ['releaseDate', 'asc', () => t('sort.releaseAsc')],
];

interface SortSelectProps {
  sort: SortSpec;
  onChange: (sort: SortSpec) => void;
}

/** Every sort in words, for the keyboard and for narrow windows where columns are hidden. */
export function SortSelect({ sort, onChange }: SortSelectProps) {
  return (
    <div class="library-sort">
      <label for="library-sort">{t('sort.label')}</label>
      <select
        id="library-sort"
        value={`${sort.field}:${sort.direction}`}
        onChange={(event) => {
          const [field, direction] = event.currentTarget.value.split(':');
          if (isSortField(field)) onChange({ field, direction: direction === 'asc' ? 'asc' : 'desc' });
        }}
      >
        {OPTIONS.map(([field, direction, label]) => (
          <option key={`${field}:${direction}`} value={`${field}:${direction}`}>
            {label()}
          </option>
        ))}
      </select>
    </div>
  );
}
