import { isSortField, type SortDirection, type SortField, type SortSpec } from '../../lib/library-view/sort-spec';

const OPTIONS: ReadonlyArray<[SortField, SortDirection, string]> = [
  ['addedAt', 'desc', 'Date added, newest first'],
  ['addedAt', 'asc', 'Date added, oldest first'],
  ['title', 'asc', 'Title, A to Z'],
  ['title', 'desc', 'Title, Z to A'],
  ['artist', 'asc', 'Artist, A to Z'],
  ['artist', 'desc', 'Artist, Z to A'],
  ['album', 'asc', 'Album, A to Z'],
  ['album', 'desc', 'Album, Z to A'],
  ['duration', 'asc', 'Duration, shortest first'],
  ['duration', 'desc', 'Duration, longest first'],
  ['releaseDate', 'desc', 'Release date, newest first'],
  ['releaseDate', 'asc', 'Release date, oldest first'],
];

interface SortSelectProps {
  sort: SortSpec;
  onChange: (sort: SortSpec) => void;
}

/** Every sort in words, for the keyboard and for narrow windows where columns are hidden. */
export function SortSelect({ sort, onChange }: SortSelectProps) {
  return (
    <div class="library-sort">
      <label for="library-sort">Sort</label>
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
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
