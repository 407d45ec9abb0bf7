import { t } from '../../lib/i18n';
import { Rich } from '../Rich';
import { formatMonth, type MonthIndex } from '../../lib/library-view/months';

/** The chart's month filter, said in words, with the way out of it. */
export function MonthChip({ month, onClear }: { month: MonthIndex; onClear: () => void }) {
  return (
    <p class="month-chip">
      <Rich text={t('library.monthChip')} parts={{ month: <strong>{formatMonth(month)}</strong> }} />
      <button type="button" class="quiet" onClick={onClear} aria-label={t('library.monthChipClearLabel', { month: formatMonth(month) })}>
        {t('library.clear')}
      </button>
    </p>
  );
}
