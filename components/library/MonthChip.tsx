import { formatMonth, type MonthIndex } from '../../lib/library-view/months';

/** The chart's month filter, said in words, with the way out of it. */
export function MonthChip({ month, onClear }: { month: MonthIndex; onClear: () => void }) {
  return (
    <p class="month-chip">
      Showing tracks saved in <strong>{formatMonth(month)}</strong>
      <button type="button" class="quiet" onClick={onClear} aria-label={`Clear the ${formatMonth(month)} filter`}>
        Clear
      </button>
    </p>
  );
}
