import type { MuscleId } from '../body/muscles';
import type { StageId } from '../plan/stages';

/** Exercises are data: the engine reads their properties, never their ids. */

export const EXERCISE_STYLES = ['general', 'pilates', 'yoga', 'ballet', 'flamenco', 'capoeira'] as const;
export type ExerciseStyle = (typeof EXERCISE_STYLES)[number];

export const POSITIONS = ['lying', 'quadruped', 'sitting', 'standing', 'walking'] as const;
export type Position = (typeof POSITIONS)[number];

/** Where an exercise fits in a guided session. */
export const SESSION_ROLES = ['warm-up', 'main', 'cool-down'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** Whether the work loads muscles (strengthening) or lets them lengthen (relaxing / mobility). */
export const LOAD_TYPES = ['strengthen', 'mobilise', 'relax', 'breathe', 'walk'] as const;
export type LoadType = (typeof LOAD_TYPES)[number];

/** 'each' means the dose is done once on the left and once on the right. */
export type Sides = 'both' | 'each';

export type Dose =
  | { kind: 'reps'; reps: number; sets: number; secondsPerRep: number; restSeconds: number; sides: Sides }
  | { kind: 'hold'; holdSeconds: number; reps: number; sets: number; restSeconds: number; sides: Sides }
  | { kind: 'time'; seconds: number; sides: Sides };

/**
 * One skeleton model. Its first twelve joints are the side-view angles every keyframe gives, seen from the side
 * with the person facing right (+x). All angles are in degrees:
 * - trunk: the trunk's tilt from upright; 0 upright, +90 leaning forward to horizontal (on hands and knees),
 *   -90 lying on the back (head to the left), ±180 upside down.
 * - neck: head relative to the trunk; + chin towards chest.
 * - shoulder*: arm relative to the trunk; 0 hanging along the body, 90 forward, 180 overhead, negative behind.
 * - elbow*: 0 straight, up to 150 bent.
 * - hip*: thigh relative to the trunk; 0 in line, 90 thigh forward at a right angle, negative behind.
 * - knee*: 0 straight, up to 150 bent (the shin folds back).
 * - ankle*: 0 foot at right angles to the shin, + pointing the toes, - toes pulled up.
 *
 * The 3D body (src/core/pose/body.ts) adds what a side view cannot say. These are optional; a missing one is 0,
 * so a side-view keyframe keeps its meaning. With a sideBend, twist or spineFlex, `trunk` is the pelvis's tilt:
 * - turn: the whole body turned about the vertical; + turns to the person's left.
 * - roll: the whole body rolled about its own long axis; + rolls onto the left side (lying on the left side is 90).
 * - sideBend: the chest bent sideways over the pelvis; + bends to the right.
 * - twist: the chest turned over the pelvis; + turns to the right.
 * - spineFlex: the back curved at the waist; + rounds it (chest curls forward over the pelvis), - arches it.
 * - neckTurn: the head turned; + looks to the right.  neckSide: the head tilted; + right ear towards right shoulder.
 * - shoulderAbd*: the arm raised out to the side; 0 along the body, 90 out level, 180 overhead.
 * - hipAbd*: the leg taken out to the side (+) or across the other (-).
 * - hipRot*: the thigh rotated about its own axis; + turns the knee and toes outwards (turnout, a knee falling open).
 * - breath: 0 breathed out, 1 a full breath in (the belly and chest swell).
 */
export const JOINTS = ['trunk', 'neck', 'shoulderL', 'shoulderR', 'elbowL', 'elbowR', 'hipL', 'hipR', 'kneeL', 'kneeR', 'ankleL', 'ankleR'] as const;
export type Joint = (typeof JOINTS)[number];
export const EXTRA_JOINTS = [
  'turn',
  'roll',
  'sideBend',
  'twist',
  'spineFlex',
  'neckTurn',
  'neckSide',
  'shoulderAbdL',
  'shoulderAbdR',
  'hipAbdL',
  'hipAbdR',
  'hipRotL',
  'hipRotR',
  'breath',
] as const;
export type ExtraJoint = (typeof EXTRA_JOINTS)[number];
export type AnyJoint = Joint | ExtraJoint;
export const ALL_JOINTS: readonly AnyJoint[] = [...JOINTS, ...EXTRA_JOINTS];
export type Pose = Record<Joint, number> & Partial<Record<ExtraJoint, number>>;

/** A joint's angle in a pose, with a missing 3D joint read as 0. */
export function angleOf(pose: Pose, j: AnyJoint): number {
  return pose[j] ?? 0;
}

/** The range each joint may take in a target pose (human range, with a margin for the trunk's orientation). */
export const JOINT_RANGES: Record<AnyJoint, readonly [min: number, max: number]> = {
  trunk: [-180, 180],
  neck: [-60, 70],
  shoulderL: [-60, 180],
  shoulderR: [-60, 180],
  elbowL: [0, 150],
  elbowR: [0, 150],
  hipL: [-40, 140],
  hipR: [-40, 140],
  kneeL: [0, 150],
  kneeR: [0, 150],
  ankleL: [-30, 80],
  ankleR: [-30, 80],
  turn: [-180, 180],
  roll: [-180, 180],
  sideBend: [-40, 40],
  twist: [-50, 50],
  spineFlex: [-30, 40],
  neckTurn: [-80, 80],
  neckSide: [-45, 45],
  shoulderAbdL: [-10, 180],
  shoulderAbdR: [-10, 180],
  hipAbdL: [-25, 60],
  hipAbdR: [-25, 60],
  hipRotL: [-40, 60],
  hipRotR: [-40, 60],
  breath: [0, 1],
};

/** A target pose at time `t` (seconds from the start of one repetition); the last keyframe ends the cycle. */
export interface Keyframe {
  t: number;
  /** Phase name used for rep counting and cues, e.g. 'start', 'lift', 'hold', 'lower'. */
  phase: string;
  pose: Pose;
}

export interface Exercise {
  id: string;
  name: string;
  style: ExerciseStyle;
  position: Position;
  stages: StageId[];
  role: SessionRole;
  loadType: LoadType;
  strengthens: MuscleId[];
  relaxes: MuscleId[];
  dose: Dose;
  /** One short instruction each, written to be read or heard. */
  cues: string[];
  cautions: string[];
  easierId: string | null;
  harderId: string | null;
  keyframes: Keyframe[];
  /** Short plain-words summary of what it is for. */
  summary: string;
}

/** Seconds of work and rest one dose takes. */
export function doseSeconds(dose: Dose): number {
  const sides = dose.sides === 'each' ? 2 : 1;
  switch (dose.kind) {
    case 'reps':
      return sides * (dose.sets * dose.reps * dose.secondsPerRep + Math.max(0, dose.sets - 1) * dose.restSeconds);
    case 'hold': {
      const holds = dose.sets * dose.reps;
      return sides * (holds * dose.holdSeconds + Math.max(0, holds - 1) * dose.restSeconds);
    }
    case 'time':
      return sides * dose.seconds;
  }
}
