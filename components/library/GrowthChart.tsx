import { useRef, useState } from 'preact/hooks';
import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { growthChartLayout, type ChartFrame } from '../../lib/library-view/growth-chart-layout';
import { formatMonth, type MonthGroup, type MonthIndex } from '../../lib/library-view/months';
import { useElementSize } from '../hooks/use-element-size';

interface GrowthChartProps {
  months: readonly MonthGroup[];
  selected: MonthIndex | null;
  /** A month picked (to list its tracks), or null to list all again. */
  onSelect: (month: MonthIndex | null) => void;
}

const HEIGHT = 190;
const MARGIN: ChartFrame['margin'] = { top: 14, right: 64, bottom: 24, left: 44 };
/** Keeps the tooltip inside the plot, clear of the total's label on the right. */
const TOOLTIP_HALF_WIDTH = 90;

/**
 * Tracks saved per month and the library's running total, from the cache alone. Plain SVG: a
 * few hundred bars and one line need no charting library, and the marks stay ordinary elements
 * that tests, styles and the accessibility tree can reach.
 *
 * It is a listbox of months for assistive technology and the keyboard (arrows move, Enter
 * picks, Escape clears); the pointer hovers for the count and clicks to pick.
 */
export function GrowthChart({ months, selected, onSelect }: GrowthChartProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(frameRef);
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const layout = growthChartLayout(months, { width, height: HEIGHT, margin: MARGIN });
  const selectedIndex = selected === null ? -1 : months.findIndex((month) => month.month === selected);
  const shownIndex = active ?? (focused && selectedIndex >= 0 ? selectedIndex : null);
  const optionId = (index: number) => `growth-month-${months[index].month}`;

  function toggle(index: number): void {
    onSelect(months[index].month === selected ? null : months[index].month);
  }

  function onKeyDown(event: KeyboardEvent): void {
    const from = active ?? (selectedIndex >= 0 ? selectedIndex : months.length - 1);
    const moves: Record<string, number> = { ArrowLeft: from - 1, ArrowRight: from + 1, Home: 0, End: months.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.min(months.length - 1, Math.max(0, moves[event.key])));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle(from);
    } else if (event.key === 'Escape' && selected !== null) {
      event.preventDefault();
      onSelect(null);
    }
  }

  const tooltip = shownIndex === null ? null : months[shownIndex];
  const tooltipBar = shownIndex === null ? null : layout.bars[shownIndex];

  return (
    <div class="growth-chart" ref={frameRef}>
      {width > 0 && (
        <svg
          width={width}
          height={HEIGHT}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the chart is a listbox of months (aria-activedescendant), which no HTML element draws
          role="listbox"
          aria-label={t('chart.label')}
          tabIndex={0}
          aria-activedescendant={shownIndex === null ? undefined : optionId(shownIndex)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setActive(null);
          }}
          onMouseLeave={() => setActive(null)}
        >
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is not focusable; only the <svg> listbox is */}
          <g class="chart-grid" aria-hidden="true">
            {layout.countTicks.map((tick) => (
              <g key={tick.label}>
                <line x1={layout.plotLeft} x2={layout.plotRight} y1={tick.position} y2={tick.position} />
                <text x={layout.plotLeft - 6} y={tick.position} text-anchor="end" dominant-baseline="middle">
                  {tick.label}
                </text>
              </g>
            ))}
            <text class="chart-total-label" x={layout.plotRight + 6} y={layout.totalTick.position} dominant-baseline="hanging">
              {layout.totalTick.label}
            </text>
            <text class="chart-total-label" x={layout.plotRight + 6} y={layout.totalTick.position + 14} dominant-baseline="hanging">
              {t('chart.inTotal')}
            </text>
            {layout.yearTicks.map((tick) => (
              <text key={tick.label} x={tick.position} y={layout.plotBottom + 6} dominant-baseline="hanging">
                {tick.label}
              </text>
            ))}
          </g>
          {months.map((month, index) => {
            const bar = layout.bars[index];
            const isSelected = index === selectedIndex;
            return (
              <g
                key={month.month}
                id={optionId(index)}
                role="option"
                aria-selected={isSelected}
                aria-label={t('chart.monthLabel', { month: formatMonth(month.month), saved: formatCount(month.count), total: formatCount(month.runningTotal) })}
                class={['chart-month', isSelected && 'is-selected', index === shownIndex && 'is-active'].filter(Boolean).join(' ')}
                data-month={month.month}
                onMouseEnter={() => setActive(index)}
                onClick={() => toggle(index)}
              >
                <rect class="chart-column" x={bar.columnX} y={layout.plotTop} width={bar.columnWidth} height={layout.plotBottom - layout.plotTop} />
                <rect class="chart-bar" x={bar.x} y={bar.y} width={bar.width} height={layout.plotBottom - bar.y} />
              </g>
            );
          })}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <polyline> is not focusable; only the <svg> listbox is */}
          <polyline class="chart-total-line" aria-hidden="true" points={layout.bars.map((bar) => `${bar.lineX},${bar.lineY}`).join(' ')} />
        </svg>
      )}
      {tooltip && tooltipBar && (
        <div
          class="chart-tooltip"
          aria-hidden="true"
          style={{ left: `${Math.min(Math.max(tooltipBar.lineX, TOOLTIP_HALF_WIDTH), width - MARGIN.right - TOOLTIP_HALF_WIDTH)}px` }}
        >
          <strong>{formatMonth(tooltip.month)}</strong>
          <span>{t('chart.tooltip', { saved: formatCount(tooltip.count), total: formatCount(tooltip.runningTotal) })}</span>
        </div>
      )}
      <p class="chart-legend" aria-hidden="true">
        <span class="legend-bar" /> {t('chart.legendMonth')} <span class="legend-line" /> {t('chart.legendSize')}
      </p>
    </div>
  );
}
