import { useEffect, useState } from 'react';
import type { Exercise } from '../../core/exercises/types';
import { figureFrame } from '../../core/session/motion';
import { view, type TimerState } from '../../core/session/timer';
import { keyframeIndexAt, mirrorPose } from '../../core/pose/interpolate';
import { Figure, useFigure } from '../components/Figure';
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
 * pose interpolated from the keyframes; paused or stopped, it stays where it is. With reduced motion it shows
 * the key poses as stills, which change only when a new phase of the movement begins.
 */
export function PlayerFigure({ exercise, timer, now, reducedMotion }: Props) {
  const animate = !reducedMotion && timer.status === 'running';
  const [frameNow, setFrameNow] = useState(now);

  useEffect(() => {
    if (!animate) return;
    let id = 0;
    const frame = () => {
      setFrameNow(playerClock());
      id = window.requestAnimationFrame(frame);
    };
    id = window.requestAnimationFrame(frame);
    return () => window.cancelAnimationFrame(id);
  }, [animate]);

  const prepared = useFigure(exercise);
  const at = animate ? Math.max(frameNow, now) : now;
  const frame = figureFrame(exercise.keyframes, view(timer, at), reducedMotion);
  // The other side of a one-sided movement is drawn as the mirror image, so its chair or wall comes along with it.
  const pose = frame.mirrored ? mirrorPose(frame.pose) : frame.pose;
  const { phase } = frame;
  // A still's arrow points from its keyframe to the next, so it stays put until the next phase begins.
  const arrowAt = reducedMotion ? (exercise.keyframes[keyframeIndexAt(exercise.keyframes, frame.cycleTime)]?.t ?? 0) : frame.cycleTime;

  return (
    <div className="player-figure" data-phase={phase} data-motion={reducedMotion ? 'stills' : 'animated'}>
      <Figure prepared={prepared} pose={pose} cycleTime={arrowAt} mirrored={frame.mirrored} label={`${exercise.name}, ${phaseLabel(phase).toLowerCase()}`} className="figure-player" />
    </div>
  );
}
