import { useEffect, useMemo, useRef, useState } from 'react';
import { chartLayout, type ChartLayout, type ChartSpec } from './chartLayout';
import { dayLabel } from './series';

export type { ChartColour, ChartSeries, ChartSpec } from './chartLayout';

/**
 * A chart of days, drawn as SVG from `chartLayout` at the width it is given. The drawing is hidden from assistive
 * technology; the caller gives the same numbers as a table. Colours and line styles come from CSS, so the light and
 * dark themes need no redraw.
 */
export function Chart({ spec, name }: { spec: ChartSpec; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let timer = 0;
    // The width is taken from the observer (after the browser's own layout) and drawn in a task of its own. Read
    // in the render's task, it forced a layout of the whole new screen there, and a slow phone spent one long task
    // on the screen, the layout and the drawing together.
    const observer = new ResizeObserver((entries) => {
      const measured = entries[entries.length - 1]?.contentRect.width ?? 0;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setWidth(Math.max(240, Math.round(measured))), 0);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, []);

  const layout = useMemo(() => (width ? chartLayout(spec, width, dayLabel) : null), [spec, width]);

  return (
    <div className="chart" data-chart={name} data-state={layout ? 'ready' : 'loading'}>
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
      <div className="chart-canvas" ref={box} aria-hidden="true">
        {layout ? <ChartDrawing layout={layout} /> : null}
      </div>
    </div>
  );
}

function ChartDrawing({ layout }: { layout: ChartLayout }) {
  const { width, height, plot, xTicks, yTicks, series } = layout;
  return (
    <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
      <g className="chart-grid">
        {yTicks.map((t) => (
          <line key={`y${t.label}`} x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
        ))}
        {xTicks.map((t) => (
          <line key={`x${t.at}`} x1={t.at} x2={t.at} y1={plot.top} y2={plot.bottom + 6} />
        ))}
      </g>
      <g className="chart-axis">
        {yTicks.map((t) => (
          <text key={`y${t.label}`} x={plot.left - 8} y={t.at} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t.at}`} x={t.at} y={plot.bottom + 22} textAnchor="middle">
            {t.label}
          </text>
        ))}
      </g>
      {series.map((s) =>
        s.kind === 'bars' ? (
          <g key={s.label} className={`chart-bars swatch-fill swatch-${s.colour}`}>
            {s.bars.map((b) => (
              <rect key={b.x} className="chart-mark" x={b.x} y={b.y} width={b.width} height={b.height} />
            ))}
          </g>
        ) : (
          <g key={s.label} className={`chart-series point-${s.colour}`}>
            <path className={`chart-line swatch-stroke swatch-${s.colour} swatch-${s.style}`} d={s.path} />
            {s.points.map((p) => (
              <circle key={p.x} className="chart-mark" cx={p.x} cy={p.y} r={s.style === 'line' ? 3.5 : 3} />
            ))}
          </g>
        ),
      )}
    </svg>
  );
}
