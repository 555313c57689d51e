import type { Keyframe, Pose } from '../exercises/types';
import { cycleSeconds, keyPoseInCycle, mirrorPose, movingSide, poseInCycle, timeInCycle } from '../pose/interpolate';
import type { TimerView } from './timer';

/**
 * Which pose the session's figure shows at a moment: the timer says where we are, the keyframes say how the
 * body moves. One repetition of the keyframes is stretched to fill one counted repetition (the tempo) or one
 * hold; timed work loops the keyframes at their own pace; getting ready and resting show the start pose.
 * On the second side of a one-sided movement the figure is mirrored.
 * With reduced motion the figure shows the key pose in force, so it changes only when a new phase begins.
 */

export interface FigureFrame {
  pose: Pose;
  /** The keyframe phase shown (e.g. 'lift'), for the figure's label. */
  phase: string;
  /** Seconds into the keyframe cycle. */
  cycleTime: number;
  /** Whether `pose` is the mirror image of the keyframes (the second side of a one-sided movement). */
  mirrored: boolean;
}

export function figureCycleTime(keyframes: readonly Keyframe[], view: TimerView): number {
  const cycle = cycleSeconds(keyframes);
  const { segment, dose } = view;
  if (!segment || !dose || segment.kind !== 'work' || !(cycle > 0)) return 0;
  const elapsed = view.segmentElapsedMs;
  switch (dose.kind) {
    case 'reps': {
      const repMs = view.repMs ?? 0;
      if (!(repMs > 0)) return 0;
      // The last repetition ends on the closing pose rather than jumping back to the start.
      if (elapsed >= segment.durationMs) return cycle;
      return ((elapsed % repMs) / repMs) * cycle;
    }
    case 'hold':
      return (Math.min(elapsed, segment.durationMs) / Math.max(1, segment.durationMs)) * cycle;
    case 'time':
      return timeInCycle(keyframes, elapsed / 1000);
  }
}

/** Which side each exercise's keyframes were drawn for, worked out once (the figure asks on every display frame). */
const DRAWN_FOR = new WeakMap<readonly Keyframe[], ReturnType<typeof movingSide>>();
function drawnSide(keyframes: readonly Keyframe[]): ReturnType<typeof movingSide> {
  if (!DRAWN_FOR.has(keyframes)) DRAWN_FOR.set(keyframes, movingSide(keyframes));
  return DRAWN_FOR.get(keyframes) ?? null;
}

export function figureFrame(keyframes: readonly Keyframe[], view: TimerView, reducedMotion: boolean): FigureFrame {
  const cycleTime = figureCycleTime(keyframes, view);
  const key = keyPoseInCycle(keyframes, cycleTime);
  const pose = reducedMotion ? key.pose : poseInCycle(keyframes, cycleTime);
  const drawnFor = drawnSide(keyframes);
  const side = view.side;
  const flip = side !== null && drawnFor !== null && side !== drawnFor;
  return { pose: flip ? mirrorPose(pose) : pose, phase: key.phase, cycleTime, mirrored: flip };
}
