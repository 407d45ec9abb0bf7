import { formatCount } from '../format';
import type { MonthGroup } from './months';

/**
 * Where the growth chart's marks go, in pixels: one bar per month (tracks saved that month,
 * on the left scale) and a line through the running total (on the right scale). Pure, so the
 * geometry is tested without a browser.
 */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartBar {
  x: number;
  width: number;
  /** Top of the bar; its bottom is the plot's bottom. */
  y: number;
  /** The whole column, for hovering and clicking months too small to see. */
  columnX: number;
  columnWidth: number;
  /** Where the line passes this month. */
  lineX: number;
  lineY: number;
}

export interface ChartTick {
  position: number;
  label: string;
}

export interface ChartLayout {
  plotTop: number;
  plotBottom: number;
  plotLeft: number;
  plotRight: number;
  bars: ChartBar[];
  /** Left scale (tracks per month), bottom to top. */
  countTicks: ChartTick[];
  /** Right scale: the library's size at the last month. */
  totalTick: ChartTick;
  /** Along the bottom: years, at their January, spaced so labels never overlap. */
  yearTicks: ChartTick[];
}

/** Pixels between year labels at least: "2024" is about 30 px wide. */
const MIN_YEAR_SPACING = 44;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1): a scale's top. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function growthChartLayout(months: readonly MonthGroup[], frame: ChartFrame): ChartLayout {
  const { width, height, margin } = frame;
  const plotLeft = margin.left;
  const plotRight = Math.max(plotLeft, width - margin.right);
  const plotTop = margin.top;
  const plotBottom = Math.max(plotTop, height - margin.bottom);
  const plotHeight = plotBottom - plotTop;
  const step = months.length > 0 ? (plotRight - plotLeft) / months.length : 0;
  // A pixel of gap between bars while they are wide enough to spare it.
  const gap = step >= 4 ? 1 : 0;

  const countScale = niceCeiling(Math.max(0, ...months.map((month) => month.count)));
  const finalTotal = months.at(-1)?.runningTotal ?? 0;
  const totalScale = Math.max(1, finalTotal);

  const bars = months.map((month, index) => {
    const columnX = plotLeft + index * step;
    return {
      x: columnX + gap / 2,
      width: Math.max(1, step - gap),
      y: plotBottom - (month.count / countScale) * plotHeight,
      columnX,
      columnWidth: step,
      lineX: columnX + step / 2,
      lineY: plotBottom - (month.runningTotal / totalScale) * plotHeight,
    };
  });

  const countTicks = [0, countScale / 2, countScale].map((value) => ({
    position: plotBottom - (value / countScale) * plotHeight,
    label: formatCount(value),
  }));

  const yearTicks: ChartTick[] = [];
  months.forEach((month, index) => {
    if (month.month % 12 !== 0 && index !== 0) return;
    const position = plotLeft + index * step;
    const last = yearTicks.at(-1);
    if (last && position - last.position < MIN_YEAR_SPACING) return;
    yearTicks.push({ position, label: String(Math.floor(month.month / 12)) });
  });

  return {
    plotTop,
    plotBottom,
    plotLeft,
    plotRight,
    bars,
    countTicks,
    totalTick: { position: plotTop, label: formatCount(finalTotal) },
    yearTicks,
  };
}
