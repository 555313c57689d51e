import { useId } from 'react';
import type { BodyView, RegionId } from '../../core/body/regions';
import { PALETTES, painStep } from './palette';
import { DECOR, FIGURE_HEIGHT, FIGURE_WIDTH, HEAD, MAP_VIEWS, REGION_SHAPES, pathOf, regionInView, type MapView } from './shapes';
import { useColorScheme } from './useColorScheme';
import './bodymap.css';

/** How one place is shown: its pain (null: it hurts, the number is not known yet) and whether it cramps. */
export interface ShownRegion {
  pain: number | null;
  spasm: boolean;
}
export type ShownMap = Partial<Record<RegionId, ShownRegion>>;

interface Props {
  regions: ShownMap;
  /** `small`: a read-only thumbnail (no numbers; the caller lists them in words). */
  size?: 'full' | 'small';
  /** The place whose panel is open. */
  active?: RegionId | null;
  /** Makes every place tappable. Pointer only: the list beside it is the keyboard and screen-reader path. */
  onRegion?: (id: RegionId) => void;
  /** Places to pick out (the muscle map: where the chosen muscle sits). */
  highlight?: ReadonlySet<RegionId>;
  /** One view, close up or whole (the check-in's map); without it, front and back side by side. */
  view?: MapView;
}

const VIEWS: Readonly<Record<BodyView, { caption: string; sides: [string, string] }>> = {
  front: { caption: 'Front', sides: ['R', 'L'] },
  back: { caption: 'Back', sides: ['L', 'R'] },
};
const SIDE_BY_SIDE: readonly BodyView[] = ['front', 'back'];

const ENTRIES = Object.entries(REGION_SHAPES) as [RegionId, (typeof REGION_SHAPES)[RegionId]][];

/**
 * The body, front and back side by side, each place filled by its pain. Hidden from assistive technology: it
 * only repeats what the list of places (or the text under a thumbnail) says.
 */
export function BodyFigures({ regions, size = 'full', active = null, onRegion, highlight, view }: Props) {
  const scheme = useColorScheme();
  const p = PALETTES[scheme];
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const small = size === 'small';
  const figures = view
    ? [{ side: MAP_VIEWS[view].view, box: MAP_VIEWS[view].box, only: view }]
    : SIDE_BY_SIDE.map((side) => ({ side, box: [0, 0, FIGURE_WIDTH, FIGURE_HEIGHT] as const, only: undefined }));

  return (
    <div className={`bm-figures bm-${size}${onRegion ? ' bm-interactive' : ''}${view ? ` bm-single bm-view-${view}` : ''}`} aria-hidden="true">
      {figures.map(({ side, box, only }) => {
        const { caption, sides } = VIEWS[side];
        const hatchId = `bm-hatch-${uid}-${side}`;
        const [bx, by, bw, bh] = box;
        return (
          <div className="bm-figure" key={side}>
            <svg viewBox={`${bx} ${by} ${bw} ${bh}`} focusable="false" data-view={side} data-map-view={only}>
              <defs>
                <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <line x1="0" y1="0" x2="0" y2="6" stroke={p.hatch} strokeWidth="1.6" />
                </pattern>
              </defs>
              <circle cx={HEAD.cx} cy={HEAD.cy} r={HEAD.r} fill={p.fill[0]} stroke={p.outline} strokeWidth="1.2" />
              {DECOR[side].map((pts, i) => (
                <path key={i} d={pathOf(pts)} fill={p.fill[0]} stroke={p.outline} strokeWidth="1" strokeDasharray="3 3" strokeLinejoin="round" />
              ))}
              {ENTRIES.filter(([id, s]) => s.view === side && (only === undefined || regionInView(id, only))).map(([id, shape]) => {
                const shown = regions[id];
                const lit = highlight?.has(id) ?? false;
                const step = shown ? (shown.pain === null ? null : painStep(shown.pain)) : 0;
                const hurts = shown !== undefined && step !== 0;
                const fill = lit ? p.highlight : step === null ? p.marked : p.fill[step];
                const ink = step === null ? p.markedInk : p.ink[step];
                const d = pathOf(shape.points);
                return (
                  <g key={id} className={`bm-region${active === id ? ' is-active' : ''}${hurts ? ' hurts' : ''}`} data-region={id} data-pain={shown?.pain ?? undefined} data-lit={lit ? '' : undefined}>
                    <path
                      d={d}
                      fill={fill}
                      stroke={hurts || lit ? p.strong : p.outline}
                      strokeWidth={hurts || lit ? 2 : 1.2}
                      strokeLinejoin="round"
                      className="bm-target"
                      onClick={onRegion ? () => onRegion(id) : undefined}
                    />
                    {shown?.spasm ? <path d={d} fill={`url(#${hatchId})`} className="bm-hatch" /> : null}
                    {active === id ? <path d={d} fill="none" stroke={p.strong} strokeWidth="3" strokeDasharray="5 3" className="bm-active" /> : null}
                    {!small && hurts && shown.spasm ? <circle cx={shape.label[0]} cy={shape.label[1]} r="9.5" fill={fill} className="bm-num-back" /> : null}
                    {!small && hurts ? (
                      <text x={shape.label[0]} y={shape.label[1]} className="bm-num" fill={ink} textAnchor="middle" dominantBaseline="central">
                        {step === null ? '✓' : step}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              {small ? null : (
                <>
                  <text x={bx + 8} y={by + 14} className="bm-side" fill={p.outlineText}>
                    {sides[0]}
                  </text>
                  <text x={bx + bw - 8} y={by + 14} className="bm-side" fill={p.outlineText} textAnchor="end">
                    {sides[1]}
                  </text>
                </>
              )}
            </svg>
            {small || view ? null : <p className="bm-caption">{caption}</p>}
          </div>
        );
      })}
    </div>
  );
}
