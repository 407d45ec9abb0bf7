import { describe, expect, it } from 'vitest';
import { growthChartLayout, niceCeiling } from '../../../lib/library-view/growth-chart-layout';
import { monthGroups } from '../../../lib/library-view/months';

const frame = { width: 1000, height: 200, margin: { top: 10, right: 60, bottom: 20, left: 40 } };

describe('the growth chart’s geometry', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [10, 10],
    [11, 20],
    [180, 200],
    [2400, 5000],
  ])('tops a scale holding %d at %d', (value, ceiling) => {
    expect(niceCeiling(value)).toBe(ceiling);
  });

  // 2020-01 … 2024-12, one track more each month.
  const first = 2020 * 12;
  const months = monthGroups(Array.from({ length: 60 }, (_, offset) => Array<number>(offset + 1).fill(first + offset)).flat());

  it('gives each month an equal column across the plot, and a bar as tall as its count', () => {
    const layout = growthChartLayout(months, frame);
    expect(layout.bars).toHaveLength(60);
    expect(layout.bars[0].columnX).toBe(40);
    expect(layout.bars[59].columnX + layout.bars[59].columnWidth).toBeCloseTo(940);
    // 60 tracks in the last month on a scale topped at 100: 60% of the 170 px plot.
    expect(layout.plotBottom - layout.bars[59].y).toBeCloseTo(102);
    expect(layout.countTicks.map((tick) => tick.label)).toEqual(['0', '50', '100']);
  });

  it('draws the running total up to the plot’s top at the last month', () => {
    const layout = growthChartLayout(months, frame);
    expect(layout.bars[59].lineY).toBe(layout.plotTop);
    expect(layout.bars[0].lineY).toBeGreaterThan(layout.bars[30].lineY);
    expect(layout.totalTick.label).toBe('1,830');
  });

  it('labels years at their January, dropping labels that would overlap', () => {
    expect(growthChartLayout(months, frame).yearTicks.map((tick) => tick.label)).toEqual(['2020', '2021', '2022', '2023', '2024']);
    const narrow = growthChartLayout(months, { ...frame, width: 250 });
    const positions = narrow.yearTicks.map((tick) => tick.position);
    expect(positions.every((position, index) => index === 0 || position - positions[index - 1] >= 44)).toBe(true);
  });

  it('keeps a pixel-wide bar for months in a crowded chart', () => {
    const crowded = monthGroups(Array.from({ length: 300 }, (_, offset) => first + offset));
    expect(growthChartLayout(crowded, frame).bars.every((bar) => bar.width >= 1)).toBe(true);
  });

  it('draws nothing without months', () => {
    expect(growthChartLayout([], frame).bars).toEqual([]);
  });
});
