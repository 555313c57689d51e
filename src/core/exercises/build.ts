import { STAGE_IDS, stageIndex, type StageId } from '../plan/stages';
import type { Dose, Sides } from './types';

/** Small builders that keep the catalogue files short and their doses explicit. */

export interface RepOptions {
  sets?: number;
  /** Rest between sets, in seconds. */
  rest?: number;
  sides?: Sides;
}

/** `count` repetitions of `secondsPerRep` each. */
export function reps(count: number, secondsPerRep: number, o: RepOptions = {}): Dose {
  return { kind: 'reps', reps: count, sets: o.sets ?? 1, secondsPerRep, restSeconds: o.rest ?? 30, sides: o.sides ?? 'both' };
}

export interface HoldOptions {
  sets?: number;
  /** Rest between holds, in seconds. */
  rest?: number;
  sides?: Sides;
}

/** `count` holds of `holdSeconds` each. */
export function hold(holdSeconds: number, count: number, o: HoldOptions = {}): Dose {
  return { kind: 'hold', holdSeconds, reps: count, sets: o.sets ?? 1, restSeconds: o.rest ?? 5, sides: o.sides ?? 'both' };
}

/** A stretch of time, e.g. a walk or a rest. */
export function timed(seconds: number, sides: Sides = 'both'): Dose {
  return { kind: 'time', seconds, sides };
}

/** Every stage from `first` to `last` (inclusive), in order. */
export function stages(first: StageId, last: StageId = 'maintain'): StageId[] {
  return STAGE_IDS.slice(stageIndex(first), stageIndex(last) + 1);
}
