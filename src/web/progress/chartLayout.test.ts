import { describe, expect, it } from 'vitest';
import { chartDays, chartLayout, type ChartSpec } from './chartLayout';
import { dayLabel } from './series';

const week = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07'];

describe('chart layout', () => {
  it('puts each day in the middle of its column, and the values on a 0 to 10 scale', () => {
    const spec: ChartSpec = { days: week, yMax: 10, series: [{ label: 'Pain now', values: [8, 7, null, 5, 4, 4, 3], style: 'line', colour: 'now' }] };
    const layout = chartLayout(spec, 394, dayLabel);
    expect(layout.plot).toEqual({ left: 40, top: 12, right: 380, bottom: 190 });
    const line = layout.series[0];
    if (line?.kind !== 'line') throw new Error('a line was expected');
    // 340 px over 7 days: 48.6 px a day; 0 to 10 over 178 px.
    expect(line.points).toHaveLength(6);
    expect(line.points[0]).toEqual({ x: 64.3, y: 47.6 });
    expect(line.points[5]).toEqual({ x: 355.7, y: 136.6 });
    // The day without a value is stepped over, not drawn at 0.
    expect(line.path.split(' L')).toHaveLength(6);
    expect(layout.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(layout.yTicks[0]?.at).toBe(190);
    expect(layout.yTicks[5]?.at).toBe(12);
  });

  it('labels as many days as there is room for, never crowded', () => {
    const spec: ChartSpec = { days: week, yMax: 10, series: [] };
    expect(chartLayout(spec, 394, dayLabel).xTicks.map((t) => t.label)).toEqual(['1 Nov', '3 Nov', '5 Nov', '7 Nov']);
    expect(chartLayout(spec, 1000, dayLabel).xTicks).toHaveLength(7);
    const long = chartDays({ days: ['2026-01-05', '2026-03-30'], spans: [84, 1] });
    expect(long.total).toBe(85);
    const spaced = chartLayout({ days: ['2026-01-05', '2026-03-30'], spans: [84, 1], yMax: 10, series: [] }, 394, dayLabel).xTicks;
    for (let i = 1; i < spaced.length; i++) expect((spaced[i]?.at ?? 0) - (spaced[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(56);
  });

  it('fits the scale to the data when there is no fixed top, and draws bars up from zero', () => {
    const spec: ChartSpec = { days: week.slice(0, 3), yMax: null, series: [{ label: 'Minutes walked', values: [10, 0, 20], style: 'bars', colour: 'walk' }] };
    const layout = chartLayout(spec, 394, dayLabel);
    expect(layout.yMax).toBe(23);
    const bars = layout.series[0];
    if (bars?.kind !== 'bars') throw new Error('bars were expected');
    expect(bars.bars).toHaveLength(2);
    for (const b of bars.bars) {
      expect(b.y + b.height).toBeCloseTo(190, 5);
      expect(b.width).toBe(28);
    }
    expect(bars.bars[1]?.height).toBeCloseTo(2 * (bars.bars[0]?.height ?? 0), 0);
  });

  it('leaves the points off a line too dense for them to stand apart', () => {
    const days = Array.from({ length: 84 }, (_, i) => `2026-0${i < 31 ? 1 : i < 59 ? 2 : 3}-${String(i < 31 ? i + 1 : i < 59 ? i - 30 : i - 58).padStart(2, '0')}`);
    const spec: ChartSpec = { days, yMax: 10, series: [{ label: 'Pain now', values: days.map(() => 4), style: 'line', colour: 'now' }] };
    const narrow = chartLayout(spec, 394, dayLabel).series[0];
    const wide = chartLayout(spec, 1200, dayLabel).series[0];
    expect(narrow?.kind === 'line' && narrow.points).toEqual([]);
    expect(wide?.kind === 'line' && wide.points.length).toBe(84);
  });

  it('places a point that covers a week in the middle of its week', () => {
    const { x, total } = chartDays({ days: ['2026-11-01', '2026-11-08', '2026-11-09'], spans: [7, 1, 1] });
    expect(x).toEqual([3, 7, 8]);
    expect(total).toBe(9);
  });
});
