import { useEffect, useRef, useState } from 'react';
import type uPlotType from 'uplot';
import { useColorScheme } from '../bodymap/useColorScheme';
import { dateOfDay, dayNumber } from '../../core/time';
import { oneTaskAtATime } from '../lib/nextTask';
import { dayLabel } from './series';

/** The colours a chart can use: CSS custom properties in progress.css (light and dark), read when drawing. */
export type ChartColour = 'now' | 'worst' | 'typical' | 'mcid' | 'walk' | 'goal' | 'breaks' | 'psfs';

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  /** Never colour alone: each style also differs in shape (thickness, dashes, dots, bars). */
  style: 'line' | 'thin' | 'dashed' | 'dotted' | 'bars';
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

type UPlot = typeof uPlotType;
let loading: Promise<UPlot> | null = null;
/** uPlot and its CSS, fetched the first time a chart is drawn. */
function loadUplot(): Promise<UPlot> {
  loading ??= import('./uplot').then((m) => m.default);
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The screen's charts are drawn one per task, not all in one long one. */
const inTurn = oneTaskAtATime();

const DASH: Record<ChartSeries['style'], number[] | undefined> = { line: undefined, thin: undefined, dashed: [8, 6], dotted: [2, 5], bars: undefined };
const WIDTH: Record<ChartSeries['style'], number> = { line: 3, thin: 2, dashed: 2, dotted: 2, bars: 1 };

function cssVar(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || '#666666';
}

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

function options(u: UPlot, el: HTMLElement, spec: ChartSpec, width: number): uPlotType.Options {
  const { first, total } = chartDays(spec);
  const axis = cssVar(el, '--chart-axis');
  const grid = cssVar(el, '--chart-grid');
  const font = `15px ${getComputedStyle(el).fontFamily}`;
  const bars = u.paths.bars?.({ size: [0.6, 28] });
  return {
    width,
    height: 220,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false, range: [-0.5, total - 0.5] }, y: { range: (_u, _min, max) => [0, spec.yMax ?? Math.max(5, Math.ceil(max * 1.15))] } },
    axes: [
      {
        stroke: axis,
        font,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid },
        incrs: [1, 2, 7, 14, 28, 56, 91, 182, 364, 728],
        space: 56,
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && i >= 0 && i < total ? dayLabel(dateOfDay(first + i)) : '')),
      },
      { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, incrs: [1, 2, 5, 10, 15, 30, 60], size: 40 },
    ],
    series: [
      {},
      ...spec.series.map((s): uPlotType.Series => {
        const colour = cssVar(el, `--chart-${s.colour}`);
        if (s.style === 'bars') return { label: s.label, stroke: colour, fill: colour, width: 1, paths: bars, points: { show: false } };
        return {
          label: s.label,
          stroke: colour,
          width: WIDTH[s.style],
          dash: DASH[s.style],
          spanGaps: true,
          points: { show: s.style === 'line' || s.style === 'thin', size: s.style === 'line' ? 7 : 6, fill: colour, stroke: colour },
        };
      }),
    ],
  };
}

/**
 * A uPlot chart of days, loaded on first use. The drawing is hidden from assistive technology; the caller gives the
 * same numbers as a table. Redrawn when the colour scheme or the width changes.
 */
export function Chart({ spec, name }: { spec: ChartSpec; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlotType | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    loadUplot().then(
      (U) =>
        inTurn(() => {
          if (cancelled) return;
          const data: uPlotType.AlignedData = [chartDays(spec).x, ...spec.series.map((s) => [...s.values])];
          chart = new U(options(U, el, spec, Math.max(240, el.clientWidth)), data, el);
          observer = new ResizeObserver(() => chart?.setSize({ width: Math.max(240, el.clientWidth), height: 220 }));
          observer.observe(el);
          setState('ready');
        }),
      () => {
        if (!cancelled) setState('error');
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [spec, scheme]);

  return (
    <div className="chart" data-chart={name} data-state={state}>
      <div className="chart-legend" aria-hidden="true">
        {spec.series.map((s) => (
          <span key={s.label} className="chart-key">
            <svg width="34" height="14" viewBox="0 0 34 14" focusable="false">
              {s.style === 'bars' ? (
                <rect x="9" y="2" width="16" height="12" className={`swatch-fill swatch-${s.colour}`} />
              ) : (
                <line x1="1" y1="7" x2="33" y2="7" className={`swatch-stroke swatch-${s.colour} swatch-${s.style}`} />
              )}
            </svg>
            {s.label}
          </span>
        ))}
      </div>
      <div className="chart-canvas" ref={box} aria-hidden="true" />
      {state === 'loading' ? <p className="chart-note">Drawing the chart…</p> : null}
      {state === 'error' ? <p className="chart-note">The chart could not be drawn just now. The table below has the same numbers.</p> : null}
    </div>
  );
}
