import { mirror } from '../exercises/poses';
import { EXTRA_JOINTS, JOINTS, angleOf, type AnyJoint, type Keyframe, type Pose } from '../exercises/types';

/**
 * The pose at any moment of an exercise's keyframe sequence, for the animated figure and for stills.
 *
 * - Time is in seconds from the start of one repetition; the last keyframe closes the repetition, and the
 *   sequence loops: t = cycle + 1 shows the same pose as t = 1.
 * - Between two keyframes each joint angle moves with a smoothstep ease (3u² − 2u³): it leaves one keyframe
 *   and arrives at the next with zero speed, so the figure never jerks at a keyframe, and at each keyframe's
 *   `t` the pose is exactly that keyframe's pose.
 * - Angles move along the numbers the catalogue wrote (−90 → 90 passes through 0), not the shortest way
 *   round: an author who writes a trunk going from lying to standing means it to pass upright.
 */

/** Seconds one repetition of the sequence lasts: the last keyframe's time (0 for a single keyframe). */
export function cycleSeconds(keyframes: readonly Keyframe[]): number {
  const last = keyframes[keyframes.length - 1];
  return last ? Math.max(0, last.t) : 0;
}

/** 0 → 0, 1 → 1, with zero slope at both ends. */
export function smoothstep(u: number): number {
  const x = Math.min(1, Math.max(0, u));
  return x * x * (3 - 2 * x);
}

/** Seconds into one repetition, for a time that may run over many repetitions (and is never negative). */
export function timeInCycle(keyframes: readonly Keyframe[], t: number): number {
  const cycle = cycleSeconds(keyframes);
  if (!(cycle > 0) || !Number.isFinite(t) || t <= 0) return 0;
  const within = t % cycle;
  return within < 0 ? within + cycle : within;
}

/** The index of the keyframe in force at `t` (seconds into one repetition): the last one at or before it. */
export function keyframeIndexAt(keyframes: readonly Keyframe[], t: number): number {
  let index = 0;
  for (let i = 0; i < keyframes.length; i++) {
    const k = keyframes[i];
    if (k && k.t <= t) index = i;
    else break;
  }
  return index;
}

function blend(a: Pose, b: Pose, w: number): Pose {
  const out = {} as Pose;
  for (const j of JOINTS) out[j] = a[j] + (b[j] - a[j]) * w;
  // A 3D joint only one side gives is 0 on the other; a joint neither gives stays out, as in the keyframes.
  for (const j of EXTRA_JOINTS) {
    if (a[j] === undefined && b[j] === undefined) continue;
    const from = angleOf(a, j);
    out[j] = from + (angleOf(b, j) - from) * w;
  }
  return out;
}

/**
 * The pose `t` seconds into a repetition, without looping: t at or beyond the last keyframe gives the last pose.
 * Use this when a repetition has been stretched to fit a dose (a hold), so the end of it shows the end pose.
 */
export function poseInCycle(keyframes: readonly Keyframe[], t: number): Pose {
  const first = keyframes[0];
  if (!first) throw new Error('poseInCycle needs at least one keyframe');
  if (!(t > first.t)) return { ...first.pose };
  const i = keyframeIndexAt(keyframes, t);
  const from = keyframes[i] ?? first;
  const to = keyframes[i + 1];
  if (!to) return { ...from.pose };
  const span = to.t - from.t;
  const u = span > 0 ? (t - from.t) / span : 1;
  return blend(from.pose, to.pose, smoothstep(u));
}

/** The pose at `t` seconds, looping once per repetition. */
export function poseAt(keyframes: readonly Keyframe[], t: number): Pose {
  return poseInCycle(keyframes, timeInCycle(keyframes, t));
}

/**
 * The key pose in force at `t` seconds into a repetition (no easing): what reduced motion shows. It changes only
 * when a new keyframe's phase begins.
 */
export function keyPoseInCycle(keyframes: readonly Keyframe[], t: number): { pose: Pose; phase: string; index: number } {
  const first = keyframes[0];
  if (!first) throw new Error('keyPoseInCycle needs at least one keyframe');
  const index = keyframeIndexAt(keyframes, t);
  const k = keyframes[index] ?? first;
  return { pose: { ...k.pose }, phase: k.phase, index };
}

/** The phase name of the keyframe in force at `t` seconds into a repetition. */
export function phaseInCycle(keyframes: readonly Keyframe[], t: number): string {
  return keyPoseInCycle(keyframes, t).phase;
}

/** The same pose with left and right swapped: the other side of a one-sided movement. */
export const mirrorPose = mirror;

const LEFT_JOINTS = ['shoulderL', 'elbowL', 'hipL', 'kneeL', 'ankleL', 'shoulderAbdL', 'hipAbdL', 'hipRotL'] as const satisfies readonly AnyJoint[];
const RIGHT_JOINTS = ['shoulderR', 'elbowR', 'hipR', 'kneeR', 'ankleR', 'shoulderAbdR', 'hipAbdR', 'hipRotR'] as const satisfies readonly AnyJoint[];

/**
 * Which side a one-sided sequence was drawn for: the side whose limbs travel further from the first pose.
 * Null when both sides move alike (a two-sided movement). The figure shows the other side mirrored.
 */
export function movingSide(keyframes: readonly Keyframe[]): 'left' | 'right' | null {
  const first = keyframes[0];
  if (!first) return null;
  let left = 0;
  let right = 0;
  for (const k of keyframes) {
    for (const j of LEFT_JOINTS) left += Math.abs(angleOf(k.pose, j) - angleOf(first.pose, j));
    for (const j of RIGHT_JOINTS) right += Math.abs(angleOf(k.pose, j) - angleOf(first.pose, j));
  }
  if (Math.abs(left - right) < 1e-6) return null;
  return left > right ? 'left' : 'right';
}
