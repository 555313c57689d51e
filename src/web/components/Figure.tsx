import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { ALL_JOINTS, type Exercise, type Pose } from '../../core/exercises/types';
import type { BodyPart } from '../../core/pose/body';
import { BodyDrawer, drawBody, guideKey, guideShapes, litAt, prepare, stillLayers, type FitOptions, type Prepared, type Shape } from '../figure/drawing';
import { readPalette, type Palette } from '../figure/canvas';
import { BodyCanvas } from '../figure/canvasSurface';
import { PathPainter } from '../figure/paint';
import { useColorScheme } from '../appearance/appearance';

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
 * Where a live figure draws its moving body: SVG paths, or a canvas painted in a worker (the page's main thread
 * when the browser cannot hand a canvas to one); `canvas-on-page` paints it on the main thread always (to measure).
 */
export type LiveSurface = 'svg' | 'canvas' | 'canvas-on-page';

interface LiveProps extends ShellProps {
  onPaint: (paint: PaintFigure | null) => void;
  /** SVG by default; the session player's animation draws on a canvas, which a phone keeps up with. */
  surface?: LiveSurface;
}

/**
 * The figure for an animation. The props and trail are drawn once; `onPaint` receives a function that redraws
 * the body and arrow for a moment (no re-render, no layout), so a display frame stays small on a phone. On SVG it
 * writes only the path outlines that changed; on a canvas it hands the pose to the worker that draws the body and
 * paints it straight into pixels (or draws and paints it on the page where there is no such worker).
 */
export function LiveFigure({ surface, ...props }: LiveProps) {
  return surface === 'canvas' || surface === 'canvas-on-page' ? <CanvasLiveFigure surface={surface} {...props} /> : <SvgLiveFigure {...props} />;
}

/** Draws the body in a pose with some parts lit. */
type PaintBody = (pose: Pose, lit: readonly BodyPart[]) => void;

/** Redraws body and arrow through `paintBody` and `arrow` when they change, from the moment's pose and time. */
function livePainter(prepared: Prepared, guides: boolean | undefined, paintBody: PaintBody, arrow: PathPainter): PaintFigure {
  const last = { pose: null as Pose | null, lit: null as readonly BodyPart[] | null, arrow: -2 };
  return (pose, cycleTime, lit) => {
    // A hold shows the same pose frame after frame: nothing to work out, nothing to send or write.
    if (last.lit !== lit || !last.pose || !samePose(last.pose, pose)) {
      paintBody(pose, lit);
      last.pose = pose;
      last.lit = lit;
    }
    // The arrow moves on only a few times a second.
    const key = guides === false ? -1 : guideKey(prepared, cycleTime);
    if (key !== last.arrow) {
      arrow.paint(key === -1 ? [] : guideShapes(prepared, cycleTime));
      last.arrow = key;
    }
  };
}

function SvgLiveFigure({ onPaint, ...shell }: Omit<LiveProps, 'surface'>) {
  const bodyRef = useRef<SVGGElement>(null);
  const arrowRef = useRef<SVGGElement>(null);
  const { prepared, guides } = shell;
  useLayoutEffect(() => {
    const bodyGroup = bodyRef.current;
    const arrowGroup = arrowRef.current;
    if (!bodyGroup || !arrowGroup) return;
    const body = new PathPainter(bodyGroup);
    const drawer = new BodyDrawer(prepared);
    onPaint(livePainter(prepared, guides, (pose, lit) => body.paint(drawer.draw(pose, lit)), new PathPainter(arrowGroup)));
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

/**
 * The live figure with its body on a canvas, between two SVGs of the same view: the props behind, the trail, a near
 * door frame and the arrow in front. The box is the one the SVG alone had (the back SVG sizes it); the canvas
 * follows its size and the screen's pixel ratio, and takes its colours from the stylesheet again when the theme
 * changes.
 */
function CanvasLiveFigure({ onPaint, prepared, label, guides, mirrored, className, surface }: LiveProps) {
  const holderRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<SVGSVGElement>(null);
  const arrowRef = useRef<SVGGElement>(null);
  const painterRef = useRef<BodyCanvas | null>(null);
  const paletteRef = useRef<Palette | null>(null);
  const scheme = useColorScheme();
  const { minX, minY, width, height } = prepared.frame;
  const view = useMemo(() => ({ minX: round(minX), minY: round(minY), width: round(width), height: round(height) }), [minX, minY, width, height]);
  const viewBox = `${view.minX} ${view.minY} ${view.width} ${view.height}`;
  const layers = useMemo(() => stillLayers(prepared, guides !== false), [prepared, guides]);
  const flip = mirrored ? `translate(${round(2 * view.minX + view.width)},0) scale(-1,1)` : undefined;
  // The side the painter starts on; a change of side later is handed to the painter as it comes.
  const mirroredRef = useRef(mirrored === true);
  const where = surface === 'canvas-on-page' ? 'page' : 'worker';

  // Declared first, so on the first render the palette is there before the painter is made.
  useLayoutEffect(() => {
    const back = backRef.current;
    if (!back) return;
    paletteRef.current = readPalette(back);
    painterRef.current?.setPalette(paletteRef.current);
  }, [scheme]);

  useLayoutEffect(() => {
    const holder = holderRef.current;
    const arrowGroup = arrowRef.current;
    if (!holder || !arrowGroup) return;
    // A canvas handed to a worker is the worker's for good: each figure set-up makes its own, in a holder the
    // renderer leaves alone (it has no children of its own).
    const canvas = holder.ownerDocument.createElement('canvas');
    holder.appendChild(canvas);
    const painter = new BodyCanvas(canvas, prepared, view, mirroredRef.current, where);
    if (paletteRef.current) painter.setPalette(paletteRef.current);
    painterRef.current = painter;
    // Reports the canvas's size when it is first laid out and whenever it changes, before that frame is painted.
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) painter.resize(box.width, box.height, window.devicePixelRatio);
    });
    observer.observe(canvas);
    onPaint(livePainter(prepared, guides, (pose, lit) => painter.paint(pose, lit), new PathPainter(arrowGroup)));
    return () => {
      observer.disconnect();
      onPaint(null);
      painter.close();
      painterRef.current = null;
      canvas.remove();
      arrowGroup.replaceChildren();
    };
  }, [prepared, guides, onPaint, view, where]);

  useLayoutEffect(() => {
    mirroredRef.current = mirrored === true;
    painterRef.current?.setMirrored(mirroredRef.current);
  }, [mirrored]);

  return (
    <div className="figure-live" role="img" aria-label={`Figure showing: ${label}`} data-view={prepared.scene.view} data-surface="canvas">
      <svg ref={backRef} className={`figure${className ? ` ${className}` : ''}`} viewBox={viewBox} preserveAspectRatio="xMidYMax meet" aria-hidden="true" focusable="false">
        <g transform={flip}>{paths(layers.back)}</g>
      </svg>
      <div ref={holderRef} className="figure-canvas" aria-hidden="true" />
      <svg className="figure figure-over" viewBox={viewBox} preserveAspectRatio="xMidYMax meet" aria-hidden="true" focusable="false">
        <g transform={flip}>
          {paths(layers.front)}
          <g ref={arrowRef} />
        </g>
      </svg>
    </div>
  );
}
