import type { Dose, Exercise } from '../exercises/types';
import type { SessionEntry } from './timer';

/** Turning a plan's exercises (or one movement from the library) into timer entries. */

/** Seconds to get ready: longer when the body has to change position (lie down, kneel, stand up). */
export const PREPARE_SECONDS = { samePosition: 6, newPosition: 12 } as const;

export interface PlannedExercise {
  exerciseId: string;
  dose: Dose;
}

/**
 * One entry per planned exercise the catalogue knows (an unknown id cannot be shown, so it is left out).
 * The first movement and any that starts in a new position get the longer time to get ready.
 */
export function sessionEntries(planned: readonly PlannedExercise[], lookup: (id: string) => Exercise | undefined): SessionEntry[] {
  const out: SessionEntry[] = [];
  let previous: Exercise | undefined;
  for (const p of planned) {
    const exercise = lookup(p.exerciseId);
    if (!exercise) continue;
    out.push(entryFor(exercise, p.dose, previous));
    previous = exercise;
  }
  return out;
}

/** An entry for one exercise with a dose (its own when none is given), after `previous` (none at the start). */
export function entryFor(exercise: Exercise, dose: Dose = exercise.dose, previous?: Exercise): SessionEntry {
  const moved = !previous || previous.position !== exercise.position;
  return {
    exerciseId: exercise.id,
    dose,
    prepareSeconds: moved ? PREPARE_SECONDS.newPosition : PREPARE_SECONDS.samePosition,
    cueCount: Math.max(1, exercise.cues.length),
  };
}
