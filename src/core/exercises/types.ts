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
 * One skeleton model, seen from the side with the person facing right (+x).
 * All angles are in degrees:
 * - trunk: the trunk's tilt from upright; 0 upright, +90 leaning forward to horizontal (on hands and knees),
 *   -90 lying on the back (head to the left), ±180 upside down.
 * - neck: head relative to the trunk; + chin towards chest.
 * - shoulder*: arm relative to the trunk; 0 hanging along the body, 90 forward, 180 overhead, negative behind.
 * - elbow*: 0 straight, up to 150 bent.
 * - hip*: thigh relative to the trunk; 0 in line, 90 thigh forward at a right angle, negative behind.
 * - knee*: 0 straight, up to 150 bent (the shin folds back).
 * - ankle*: 0 foot at right angles to the shin, + pointing the toes, - toes pulled up.
 */
export const JOINTS = ['trunk', 'neck', 'shoulderL', 'shoulderR', 'elbowL', 'elbowR', 'hipL', 'hipR', 'kneeL', 'kneeR', 'ankleL', 'ankleR'] as const;
export type Joint = (typeof JOINTS)[number];
export type Pose = Record<Joint, number>;

/** The range each joint may take in a target pose (human range, with a margin for the trunk's orientation). */
export const JOINT_RANGES: Record<Joint, readonly [min: number, max: number]> = {
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
  ankleL: [-30, 60],
  ankleR: [-30, 60],
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
