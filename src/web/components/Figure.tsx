import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { ALL_JOINTS, type Exercise, type Pose } from '../../core/exercises/types';
import type { BodyPart } from '../../core/pose/body';
import { BodyDrawer, drawBody, guideKey, guideShapes, litAt, prepare, stillLayers, type FitOptions, type Prepared, type Shape } from '../figure/drawing';
import { PathPainter } from '../figure/paint';

const round = (n: number) => Math.round(n * 10) / 10;

interface ShellProps {
  prepared: Prepared;
  /** What the figure shows, e.g. a phase: read as "Figure showing: …". */
  label: string;
  /** The trail and arrow of the moving part (off where they would clutter). */
  guides?: boolean;
  /** Drawn as a mirror image: the other side of a one-sided movement. */
  mirrored?: boolean;
  className?: string;
}

interface Props extends ShellProps {
  /** The pose to draw. */
  pose: Pose;
  /** Seconds into the repetition this pose is at: the arrow points toward the next keyframe, and the parts moving in that phase are lit. */
  cycleTime?: number;
  /** The parts to light, when not those of the phase at `cycleTime`. */
  lit?: readonly BodyPart[];
}

/** The exercise's figure set-up, worked out once per exercise (framed for one still and a box's shape if asked). */
export function useFigure(exercise: Pick<Exercise, 'id' | 'position' | 'keyframes'>, fit?: FitOptions): Prepared {
  const pose = fit?.poses;
  const aspect = fit?.aspect;
  return useMemo(() => prepare(exercise, { poses: pose, aspect }), [exercise, pose, aspect]);
}

const paths = (shapes: readonly Shape[]) => shapes.map((s, i) => <path key={i} d={s.d} className={`fig-${s.cls}`} />);

/** The SVG around a figure: its frame, label and view, with the props drawn behind and the trail over the body. */
function FigureShell({ prepared, label, guides, mirrored, className, body, arrow }: ShellProps & { body: ReactNode; arrow: ReactNode }) {
  const { minX, minY, width, height } = prepared.frame;
  const viewBox = [minX, minY, width, height].map(round).join(' ');
  const layers = useMemo(() => stillLayers(prepared, guides !== false), [prepared, guides]);
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
        {paths(layers.back)}
        {body}
        {paths(layers.front)}
        {arrow}
      </g>
    </svg>
  );
}

/**
 * A person drawn from a pose: the core's 3D body in the exercise's scene, projected to the view that shows the
 * movement. Limbs are tapered, the far side lighter than the near, the part moving in this phase in the accent
 * colour, props in a quiet tone. Pure rendering: colours come from styles.css, so it follows the light and dark themes.
 */
export function Figure({ pose, cycleTime, lit, ...shell }: Props) {
  const { prepared, guides } = shell;
  const body = drawBody(prepared, pose, lit ?? litAt(prepared, cycleTime ?? 0));
  const arrow = guides === false ? [] : guideShapes(prepared, cycleTime);
  return (
    <FigureShell {...shell} body={<g>{paths(body)}</g>} arrow={<g>{paths(arrow)}</g>} />
  );
}

function samePose(a: Pose, b: Pose): boolean {
  for (const j of ALL_JOINTS) if (a[j] !== b[j]) return false;
  return true;
}

/** Draws one moment of a live figure: the pose, how far into the repetition it is, and the parts to light. */
export type PaintFigure = (pose: Pose, cycleTime: number, lit: readonly BodyPart[]) => void;

/**
 * The figure for an animation. The props and trail are drawn once; `onPaint` receives a function that redraws
 * the body and arrow for a moment, writing only the path outlines that changed (no re-render, no layout), so a
 * display frame stays small on a phone.
 */
export function LiveFigure({ onPaint, ...shell }: ShellProps & { onPaint: (paint: PaintFigure | null) => void }) {
  const bodyRef = useRef<SVGGElement>(null);
  const arrowRef = useRef<SVGGElement>(null);
  const { prepared, guides } = shell;
  useLayoutEffect(() => {
    const bodyGroup = bodyRef.current;
    const arrowGroup = arrowRef.current;
    if (!bodyGroup || !arrowGroup) return;
    const body = new PathPainter(bodyGroup);
    const arrow = new PathPainter(arrowGroup);
    const drawer = new BodyDrawer(prepared);
    const last = { pose: null as Pose | null, lit: null as readonly BodyPart[] | null, arrow: -2 };
    onPaint((pose, cycleTime, lit) => {
      // A hold shows the same pose frame after frame: nothing to work out, nothing to write.
      if (last.lit !== lit || !last.pose || !samePose(last.pose, pose)) {
        body.paint(drawer.draw(pose, lit));
        last.pose = pose;
        last.lit = lit;
      }
      // The arrow moves on only a few times a second.
      const key = guides === false ? -1 : guideKey(prepared, cycleTime);
      if (key !== last.arrow) {
        arrow.paint(key === -1 ? [] : guideShapes(prepared, cycleTime));
        last.arrow = key;
      }
    });
    return () => {
      onPaint(null);
      bodyGroup.replaceChildren();
      arrowGroup.replaceChildren();
    };
  }, [prepared, guides, onPaint]);
  return (
    <FigureShell {...shell} body={<g ref={bodyRef} />} arrow={<g ref={arrowRef} />} />
  );
}
