import type { Exercise, Pose } from '../../exercises/types';
import { sceneFor } from '../../exercises/scenes';
import { degrees, type Degrees } from '../units';
import { measuredAngles, type MeasuredAngles, type MeasuredJoint } from './angles';
import { keypointsOf } from './synthetic';

/**
 * Form during an exercise, compared with its keyframes. A camera at the side sees bends forward and back, so an
 * exercise is camera-ready when it is drawn from the side and its keyframes move in that plane: the measured
 * joints change, and the turns, rolls and sideways joints a side view cannot see stay put.
 */

const MEASURED: readonly MeasuredJoint[] = ['trunk', 'shoulderL', 'shoulderR', 'elbowL', 'elbowR', 'hipL', 'hipR', 'kneeL', 'kneeR'];
const UNSEEN = ['turn', 'roll', 'sideBend', 'twist', 'neckTurn', 'neckSide', 'shoulderAbdL', 'shoulderAbdR', 'hipAbdL', 'hipAbdR', 'hipRotL', 'hipRotR'] as const;
/** A joint that changes this much over the keyframes is one the movement is about. */
const MOVING_DEGREES = 8;
/** Sideways motion smaller than this is not missed by a side view. */
const UNSEEN_DEGREES = 12;
/** Root-mean-square difference over the moving joints within which a pose counts as reached. */
export const FORM_TOLERANCE = degrees(18);
/** Below this (degrees RMS) a difference between two poses may be keypoint noise, not movement. */
export const MIN_TOLERANCE = 4;

const swapSide = (j: MeasuredJoint): MeasuredJoint => (j === 'trunk' ? j : ((j.slice(0, -1) + (j.endsWith('L') ? 'R' : 'L')) as MeasuredJoint));

export interface FormModel {
  exerciseId: string;
  joints: MeasuredJoint[];
  /** The moving joints' angles at each keyframe. */
  keyframes: { phase: string; angles: Record<MeasuredJoint, Degrees> }[];
  /** The keyframe furthest from the first: the top of a repetition, or the pose held. */
  peak: number;
  kind: 'reps' | 'hold';
  /** RMS difference (degrees) within which a keyframe counts as reached. */
  tolerance: Degrees;
  /** Per keyframe: it lies on the way from the one before to the one after, so a quick movement may pass it by. */
  passing: boolean[];
}

const range = (poses: Pose[], j: keyof Pose) => {
  const values = poses.map((p) => p[j] ?? 0);
  return Math.max(...values) - Math.min(...values);
};

export function formModelOf(exercise: Exercise): FormModel | null {
  if (exercise.dose.kind === 'time' || exercise.loadType === 'walk' || exercise.loadType === 'breathe') return null;
  if (sceneFor(exercise).view !== 'side') return null;
  const poses = exercise.keyframes.map((k) => k.pose);
  if (UNSEEN.some((j) => range(poses, j) > UNSEEN_DEGREES)) return null;
  // What a side camera would measure on the body model at each keyframe: a curved back (spineFlex) shows in the
  // trunk line, not in the pelvis's own tilt, so the keyframe's angles are measured, not copied.
  const measured = poses.map((p) => measuredAngles(keypointsOf(p)));
  const joints = MEASURED.filter((j) => {
    const values = measured.map((m) => m[j] ?? 0);
    return Math.max(...values) - Math.min(...values) >= MOVING_DEGREES;
  });
  if (joints.length === 0 || measured.some((m) => joints.some((j) => m[j] === undefined))) return null;
  const keyframes = exercise.keyframes.map((k, i) => ({ phase: k.phase, angles: measured[i] as Record<MeasuredJoint, Degrees> }));
  const model: FormModel = { exerciseId: exercise.id, joints, keyframes, peak: 0, kind: exercise.dose.kind, tolerance: FORM_TOLERANCE, passing: [] };
  let far = -1;
  keyframes.forEach((k, i) => {
    const d = gap(model, k.angles, 0, false) ?? 0;
    if (d > far) {
      far = d;
      model.peak = i;
    }
  });
  // A small movement is judged with a tighter tolerance, so its repetitions can be told apart; but never under
  // MIN_TOLERANCE (what keypoint noise moves an angle by). A movement whose way from start to peak is not clearly
  // wider than that cannot be followed: its halfway point would count as both ends, so noise would count repetitions.
  if (far * 0.4 < MIN_TOLERANCE) return null;
  model.tolerance = degrees(Math.min(FORM_TOLERANCE, far * 0.4));
  const between = (a: number, b: number) => gap(model, keyframes[a]!.angles, b, false) ?? Infinity;
  model.passing = keyframes.map((_, i) => i > 0 && i < keyframes.length - 1 && i !== model.peak && between(i - 1, i) + between(i, i + 1) <= between(i - 1, i + 1) + model.tolerance);
  return model;
}

export const isCameraReady = (exercise: Exercise) => formModelOf(exercise) !== null;

/** RMS difference (degrees) between measured angles and a keyframe, over the moving joints; null if one is unseen. */
function gap(model: FormModel, measured: MeasuredAngles, index: number, swapped: boolean): number | null {
  const target = model.keyframes[index]!.angles;
  let sum = 0;
  for (const j of model.joints) {
    const m = measured[swapped ? swapSide(j) : j];
    if (m === undefined) return null;
    sum += (m - target[j]) ** 2;
  }
  return Math.sqrt(sum / model.joints.length);
}

/**
 * The measured angles against every keyframe, with the sides as given and swapped (the other leg, or the person
 * mirrored); null when a joint the movement is about is not seen.
 */
export function distances(model: FormModel, measured: MeasuredAngles): { asIs: number[]; swapped: number[] } | null {
  const asIs: number[] = [];
  const swapped: number[] = [];
  for (let i = 0; i < model.keyframes.length; i++) {
    const a = gap(model, measured, i, false);
    const b = gap(model, measured, i, true);
    if (a === null && b === null) return null;
    asIs.push(a ?? Infinity);
    swapped.push(b ?? Infinity);
  }
  return { asIs, swapped };
}

/** The joint furthest from the peak, and whether it should go further the way the movement goes (or less far). */
export type FormCue = { joint: MeasuredJoint; more: boolean; /** The measured angle should grow (bend more, lean or lift further). */ increase: boolean };

export interface FormState {
  /** The phase of the keyframe the body is nearest, or null when it cannot be seen. */
  phase: string | null;
  reps: number;
  /** Seconds held within tolerance of the held pose (hold exercises). */
  heldSeconds: number;
  /** True while the pose of the peak keyframe is reached. */
  atPeak: boolean;
  /** What to change to reach the peak, when the body is on its way but not there. */
  cue: FormCue | null;
}

/**
 * Follows the keyframes in order: the next keyframe is reached when the pose comes within tolerance of it (or of
 * the one after, if a passing pose was missed); reaching the last completes a repetition. Which way round the sides
 * are is settled when a repetition starts, so an alternating movement (one leg, then the other) counts once per
 * cycle. A hold counts only while within tolerance of the held keyframe. The gaps between frames are added up as
 * time; a gap over a second (the body unseen) counts for nothing.
 */
export class FormTracker {
  private reps = 0;
  private next = 1;
  private sides: 'asIs' | 'swapped' | null = null;
  private heldMs = 0;
  private lastAt: number | null = null;
  private phase: string | null = null;

  constructor(private readonly model: FormModel) {}

  update(measured: MeasuredAngles, at: number): FormState {
    const dt = this.lastAt === null ? 0 : at - this.lastAt;
    this.lastAt = at;
    const d = distances(this.model, measured);
    if (!d) return this.state(false, null);
    const tol = this.model.tolerance;
    const last = this.model.keyframes.length - 1;
    const both = d.asIs.map((a, i) => Math.min(a, d.swapped[i]!));
    const own = this.sides ? d[this.sides] : both;
    const nearest = own.indexOf(Math.min(...own));
    this.phase = this.model.keyframes[nearest]!.phase;
    const atPeak = own[this.model.peak]! <= tol;
    if (atPeak && dt > 0 && dt <= 1_000) this.heldMs += dt;
    // One keyframe a frame; a keyframe on the way between its neighbours may be skipped if the one after is reached.
    const reached = (i: number) => (this.sides ? d[this.sides][i]! : Math.min(d.asIs[i]!, d.swapped[i]!)) <= tol;
    const target = reached(this.next) ? this.next : this.next < last && this.model.passing[this.next] && reached(this.next + 1) ? this.next + 1 : null;
    if (target !== null) {
      if (!this.sides) this.sides = d.asIs[target]! <= d.swapped[target]! ? 'asIs' : 'swapped';
      this.next = target + 1;
    }
    if (this.next > last) {
      this.reps += 1;
      this.next = 1;
      this.sides = null;
    }
    const cue = !atPeak && own[0]! > tol ? this.cueTowardsPeak(measured) : null;
    return this.state(atPeak, cue);
  }

  private cueTowardsPeak(measured: MeasuredAngles): FormCue | null {
    const target = this.model.keyframes[this.model.peak]!.angles;
    let worst: FormCue | null = null;
    let by = this.model.tolerance as number;
    for (const j of this.model.joints) {
      const m = measured[this.sides === 'swapped' ? swapSide(j) : j] ?? measured[swapSide(j)];
      if (m === undefined) continue;
      const off = target[j] - m;
      if (Math.abs(off) > by) {
        by = Math.abs(off);
        // "More" is further along the way the movement goes from its first keyframe to its peak.
        const way = target[j] - this.model.keyframes[0]!.angles[j];
        worst = { joint: j, more: Math.sign(off) === Math.sign(way), increase: off > 0 };
      }
    }
    return worst;
  }

  private state(atPeak: boolean, cue: FormCue | null): FormState {
    return { phase: this.phase, reps: this.reps, heldSeconds: Math.floor(this.heldMs / 100) / 10, atPeak, cue };
  }
}
