import { dateOfDay, dayNumber } from '../../core/time';

/**
 * Where everything in a chart of days goes, in pixels: pure, so it is tested without a browser. The chart itself
 * (`Chart.tsx`) only turns this into SVG; its colours and line styles come from CSS, light and dark.
 */

export type ChartColour = 'now' | 'worst' | 'typical' | 'mcid' | 'walk' | 'goal' | 'breaks' | 'psfs';
export type SeriesStyle = 'line' | 'thin' | 'dashed' | 'dotted' | 'bars';

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  /** Never colour alone: each style also differs in shape (thickness, dashes, dots, bars). */
  style: SeriesStyle;
  colour: ChartColour;
}

export interface ChartSpec {
  /** Each point's first day (YYYY-MM-DD), in order. */
  days: readonly string[];
  /** How many days each point covers (1 when left out): a point sits in the middle of its days, so time is to scale. */
  spans?: readonly number[];
  series: readonly ChartSeries[];
  /** Top of the y axis (pain: 10), or null to fit the data. */
  yMax: number | null;
}

export interface Tick {
  at: number;
  label: string;
}

export type SeriesShape =
  | { kind: 'line'; label: string; style: Exclude<SeriesStyle, 'bars'>; colour: ChartColour; path: string; points: { x: number; y: number }[] }
  | { kind: 'bars'; label: string; colour: ChartColour; bars: { x: number; y: number; width: number; height: number }[] };

export interface ChartLayout {
  width: number;
  height: number;
  /** The plotting area. */
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  yMax: number;
  series: SeriesShape[];
}

export const CHART_HEIGHT = 220;
/** Room for the y axis's numbers on the left and the days under the plot. */
const PAD = { left: 40, top: 12, right: 14, bottom: 30 };
/** Day steps between labelled days, and the least room a label needs. */
const X_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728];
const X_LABEL_ROOM = 56;
const Y_STEPS = [1, 2, 5, 10, 15, 30, 60];
const Y_LABEL_ROOM = 30;
/** Bars take this share of the room between points, and never more than this many pixels. */
const BAR_SHARE = 0.6;
const BAR_MAX = 28;
/** Points drawn on the solid lines ('line' and 'thin'), as in the legend, while they have room to stand apart. */
const POINTS_ON: ReadonlySet<SeriesStyle> = new Set(['line', 'thin']);
const POINT_ROOM = 10;

/** Where each point sits, in days from the first point's first day, and how many days the chart spans. */
export function chartDays(spec: Pick<ChartSpec, 'days' | 'spans'>): { x: number[]; first: number; total: number } {
  const first = spec.days[0] ? dayNumber(spec.days[0]) : 0;
  let total = 0;
  const x = spec.days.map((d, i) => {
    const from = dayNumber(d) - first;
    const span = spec.spans?.[i] ?? 1;
    total = from + span;
    return from + (span - 1) / 2;
  });
  return { x, first, total };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartLayout(spec: ChartSpec, width: number, dayLabel: (date: string) => string, height = CHART_HEIGHT): ChartLayout {
  const plot = { left: PAD.left, top: PAD.top, right: width - PAD.right, bottom: height - PAD.bottom };
  const { x: days, first, total } = chartDays(spec);
  const span = Math.max(1, total);
  const perDay = (plot.right - plot.left) / span;
  const xAt = (day: number) => round(plot.left + (day + 0.5) * perDay);

  const highest = Math.max(0, ...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const yMax = spec.yMax ?? Math.max(5, Math.ceil(highest * 1.15));
  const perUnit = (plot.bottom - plot.top) / yMax;
  const yAt = (value: number) => round(plot.bottom - Math.min(value, yMax) * perUnit);

  const xStep = X_STEPS.find((s) => s * perDay >= X_LABEL_ROOM) ?? X_STEPS[X_STEPS.length - 1] ?? 1;
  const xTicks: Tick[] = [];
  for (let i = 0; i < span; i += xStep) xTicks.push({ at: xAt(i), label: dayLabel(dateOfDay(first + i)) });
  const yStep = Y_STEPS.find((s) => s * perUnit >= Y_LABEL_ROOM) ?? Y_STEPS[Y_STEPS.length - 1] ?? 1;
  const yTicks: Tick[] = [];
  for (let v = 0; v <= yMax; v += yStep) yTicks.push({ at: yAt(v), label: String(v) });

  const gaps = days.slice(1).map((d, i) => d - (days[i] ?? 0));
  const room = (gaps.length ? Math.min(...gaps) : 1) * perDay;
  const barWidth = round(Math.min(BAR_MAX, Math.max(1, room * BAR_SHARE)));

  const series = spec.series.map((s): SeriesShape => {
    const placed = s.values.flatMap((v, i) => (v === null || days[i] === undefined ? [] : [{ x: xAt(days[i]), y: yAt(v), value: v }]));
    if (s.style === 'bars') {
      return { kind: 'bars', label: s.label, colour: s.colour, bars: placed.filter((p) => p.value > 0).map((p) => ({ x: round(p.x - barWidth / 2), y: p.y, width: barWidth, height: round(plot.bottom - p.y) })) };
    }
    // Gaps (days without a value) are joined, so the line reads as one course.
    const path = placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
    return { kind: 'line', label: s.label, style: s.style, colour: s.colour, path, points: POINTS_ON.has(s.style) && room >= POINT_ROOM ? placed.map(({ x, y }) => ({ x, y })) : [] };
  });

  return { width, height, plot, xTicks, yTicks, yMax, series };
}
