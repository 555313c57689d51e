import { useMemo } from 'react';
import type { Exercise, Pose } from '../../core/exercises/types';
import { draw, prepare, type Prepared } from '../figure/drawing';

const round = (n: number) => Math.round(n * 10) / 10;

interface Props {
  /** From `useFigure(exercise)`: the exercise's scene, props and frame, worked out once. */
  prepared: Prepared;
  /** The pose to draw. An animation passes an interpolated pose each frame; nothing else needs to change. */
  pose: Pose;
  /** What the figure shows, e.g. a phase: read as "Figure showing: …". */
  label: string;
  /** Seconds into the repetition this pose is at: the arrow then points toward the next keyframe. */
  cycleTime?: number;
  /** The trail and arrow of the moving part (off where they would clutter). */
  guides?: boolean;
  /** Drawn as a mirror image: the other side of a one-sided movement. */
  mirrored?: boolean;
  className?: string;
}

/** The exercise's figure set-up, worked out once per exercise. */
export function useFigure(exercise: Pick<Exercise, 'id' | 'position' | 'keyframes'>): Prepared {
  return useMemo(() => prepare(exercise), [exercise]);
}

/**
 * A person drawn from a pose: the core's 3D body in the exercise's scene, projected to the view that shows the
 * movement. Limbs are tapered, the far side lighter than the near, the moving part in the accent colour, props
 * in a quiet tone. Pure rendering: colours come from styles.css, so it follows the light and dark themes.
 */
export function Figure({ prepared, pose, label, cycleTime, guides, mirrored, className }: Props) {
  const shapes = draw(prepared, pose, { cycleTime, guides });
  const { minX, minY, width, height } = prepared.frame;
  const viewBox = [minX, minY, width, height].map(round).join(' ');
  return (
    <svg
      className={`figure${className ? ` ${className}` : ''}`}
      viewBox={viewBox}
      preserveAspectRatio="xMidYMax meet"
      role="img"
      aria-label={`Figure showing: ${label}`}
      focusable="false"
      data-view={prepared.scene.view}
    >
      <g transform={mirrored ? `translate(${round(2 * minX + width)},0) scale(-1,1)` : undefined}>
        {shapes.map((s, i) => (
          <path key={i} d={s.d} className={`fig-${s.cls}`} />
        ))}
      </g>
    </svg>
  );
}
