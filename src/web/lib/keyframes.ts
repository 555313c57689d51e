import { ALL_JOINTS, JOINTS, angleOf, type Keyframe, type Pose } from '../../core/exercises/types';
import { boundsOf, figurePoints } from '../../core/pose/skeleton';

/** Choosing and framing an exercise's keyframes for stills. The drawing itself is components/Figure.tsx. */

export interface FigureBounds {
  minX: number;
  minY: number;
  width: number;
  height: number;
}

type Framed = Pick<Keyframe, 'pose'>;

/** One box for every keyframe of an exercise, so stills line up and a later animation does not jump. */
export function figureBounds(keyframes: readonly Framed[]): FigureBounds {
  return boundsOf(keyframes.map((k) => figurePoints(k.pose)));
}

/** Sum of the joint angle differences, in degrees. */
export function poseDistance(a: Pose, b: Pose): number {
  return ALL_JOINTS.reduce((sum, j) => sum + Math.abs(angleOf(a, j) - angleOf(b, j)) * (j === 'breath' ? 30 : 1), 0);
}

const SAME_POSE_DEGREES = 0.5 * JOINTS.length;

/** The keyframe that differs most from the start: the one that shows what the movement is. */
export function tellingKeyframe<K extends Framed>(keyframes: readonly K[]): K | undefined {
  const first = keyframes[0];
  if (!first) return undefined;
  let best = first;
  let bestDistance = 0;
  for (const k of keyframes) {
    const d = poseDistance(first.pose, k.pose);
    if (d > bestDistance + 1e-9) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The keyframes worth drawing side by side: a pose held over two keyframes ("arrive", "hold") is drawn once,
 * under the later name, and the closing keyframe that returns to the start (so a repetition loops) is left out.
 */
export function distinctKeyframes<K extends Framed>(keyframes: readonly K[]): K[] {
  const out: K[] = [];
  for (const k of keyframes) {
    const last = out[out.length - 1];
    if (last && poseDistance(last.pose, k.pose) <= SAME_POSE_DEGREES) out[out.length - 1] = out.length === 1 ? last : k;
    else out.push(k);
  }
  const first = out[0];
  const end = out[out.length - 1];
  if (out.length > 2 && first && end && poseDistance(first.pose, end.pose) <= SAME_POSE_DEGREES) out.pop();
  return out;
}
