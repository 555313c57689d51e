import type { Pose } from '../../core/exercises/types';
import { figurePoints, limbPolylines, SEGMENT_LENGTHS, type Point } from '../../core/pose/skeleton';
import type { FigureBounds } from '../lib/keyframes';

const round = (n: number) => Math.round(n * 10) / 10;
/** Figure units have y pointing up; SVG's y points down. */
const points = (ps: readonly Point[]) => ps.map((p) => `${round(p.x)},${round(-p.y)}`).join(' ');

interface Props {
  /** The pose to draw. An animation passes an interpolated pose each frame; nothing else needs to change. */
  pose: Pose;
  /** The frame, from `figureBounds` over all of the exercise's keyframes, so the figure never jumps. */
  bounds: FigureBounds;
  /** What the figure shows, e.g. a phase: read as "Figure showing: …". */
  label: string;
  className?: string;
}

/**
 * A side-view stick figure drawn from a pose by the core's forward kinematics. The far side (left) is drawn first
 * and lighter, the near side (right) last and darker; the head is a circle; a line marks the floor.
 * Pure rendering: colours come from styles.css, so it follows the light and dark themes.
 */
export function Figure({ pose, bounds, label, className }: Props) {
  const f = figurePoints(pose);
  const far = limbPolylines(f, 'L');
  const near = limbPolylines(f, 'R');
  const { minX, minY, width, height } = bounds;
  const viewBox = [minX, -(minY + height), width, height].map(round).join(' ');
  return (
    <svg
      className={`figure${className ? ` ${className}` : ''}`}
      viewBox={viewBox}
      preserveAspectRatio="xMidYMax meet"
      role="img"
      aria-label={`Figure showing: ${label}`}
      focusable="false"
    >
      <line className="figure-floor" x1={round(minX)} x2={round(minX + width)} y1={0} y2={0} />
      <g className="figure-far">
        <polyline points={points(far.leg)} />
        <polyline points={points(far.arm)} />
      </g>
      <g className="figure-body">
        <polyline points={points([f.pelvis, f.shoulders, f.neckTop])} />
        <circle cx={round(f.head.x)} cy={round(-f.head.y)} r={SEGMENT_LENGTHS.headRadius} />
      </g>
      <g className="figure-near">
        <polyline points={points(near.leg)} />
        <polyline points={points(near.arm)} />
      </g>
    </svg>
  );
}
