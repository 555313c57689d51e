import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Exercise } from '../../core/exercises/types';
import { figureFrame } from '../../core/session/motion';
import { view, type TimerState } from '../../core/session/timer';
import { keyframeIndexAt, mirrorPose } from '../../core/pose/interpolate';
import { LiveFigure, useFigure, type PaintFigure } from '../components/Figure';
import { litAt } from '../figure/drawing';
import { phaseLabel } from '../words/exercises';
import { playerClock } from './useSessionTimer';

interface Props {
  exercise: Exercise;
  timer: TimerState;
  /** The clock reading of the screen's last refresh: used when not animating. */
  now: number;
  reducedMotion: boolean;
}

/**
 * The moving figure. While the session runs it redraws on every display frame (requestAnimationFrame) with the
 * pose interpolated from the keyframes, its body painted on a canvas (a phone keeps up with that, not with SVG
 * paths rewritten every frame: bench/figure.ts); paused or stopped, it stays where it is. With reduced motion it
 * shows the key poses as SVG stills, which change only when a new phase of the movement begins. The part moving in
 * the current phase is lit. The component re-renders only when the phase changes (for its label).
 */
export function PlayerFigure({ exercise, timer, now, reducedMotion }: Props) {
  const animate = !reducedMotion && timer.status === 'running';
  const prepared = useFigure(exercise);
  const paintRef = useRef<PaintFigure | null>(null);
  const onPaint = useCallback((paint: PaintFigure | null) => {
    paintRef.current = paint;
  }, []);

  const frameAt = useCallback(
    (at: number) => {
      const frame = figureFrame(exercise.keyframes, view(timer, at), reducedMotion);
      // The other side of a one-sided movement is drawn as the mirror image, so its chair or wall comes along with it.
      const pose = frame.mirrored ? mirrorPose(frame.pose) : frame.pose;
      // A still's arrow points from its keyframe to the next, so it stays put until the next phase begins.
      const arrowAt = reducedMotion ? (exercise.keyframes[keyframeIndexAt(exercise.keyframes, frame.cycleTime)]?.t ?? 0) : frame.cycleTime;
      return { ...frame, pose, arrowAt, lit: litAt(prepared, frame.cycleTime) };
    },
    [exercise, timer, reducedMotion, prepared],
  );

  const shown = frameAt(now);
  const [phase, setPhase] = useState(shown.phase);
  const [lit, setLit] = useState(shown.lit);
  const shownPhase = animate ? phase : shown.phase;
  const shownLit = animate ? lit : shown.lit;

  // Each render paints before the screen shows it: the moment of this render, or, animating, the moment now.
  useLayoutEffect(() => {
    const f = animate ? frameAt(Math.max(playerClock(), now)) : shown;
    paintRef.current?.(f.pose, f.arrowAt, f.lit);
  });

  useEffect(() => {
    if (!animate) return;
    let id = 0;
    const frame = () => {
      const f = frameAt(Math.max(playerClock(), now));
      paintRef.current?.(f.pose, f.arrowAt, f.lit);
      // Preact skips the render when the value is the same, so this costs nothing until the phase changes.
      setPhase(f.phase);
      setLit(f.lit);
      id = window.requestAnimationFrame(frame);
    };
    id = window.requestAnimationFrame(frame);
    return () => window.cancelAnimationFrame(id);
  }, [animate, frameAt, now]);

  return (
    <div className="player-figure" data-phase={shownPhase} data-lit={shownLit.join(' ')} data-motion={reducedMotion ? 'stills' : 'animated'}>
      <LiveFigure
        prepared={prepared}
        onPaint={onPaint}
        surface={reducedMotion ? 'svg' : 'canvas'}
        mirrored={shown.mirrored}
        label={`${exercise.name}, ${phaseLabel(shownPhase).toLowerCase()}`}
        className="figure-player"
      />
    </div>
  );
}
