import type { StageId } from '../plan/stages';
import { BALLET } from './catalogue/ballet';
import { CAPOEIRA } from './catalogue/capoeira';
import { FLAMENCO } from './catalogue/flamenco';
import { GENERAL } from './catalogue/general';
import { PILATES } from './catalogue/pilates';
import { YOGA } from './catalogue/yoga';
import type { Exercise, ExerciseStyle } from './types';

export * from './types';
export { validateCatalogue, CATALOGUE_MINIMUMS, DOSE_LIMITS, TEXT_LIMITS } from './validate';

/** Every exercise Unclench offers, in a stable order: general first, then each style. */
export const EXERCISES: readonly Exercise[] = Object.freeze([...GENERAL, ...PILATES, ...YOGA, ...BALLET, ...FLAMENCO, ...CAPOEIRA]);

const byId = new Map<string, Exercise>(EXERCISES.map((e) => [e.id, e]));

export function exerciseById(id: string): Exercise | undefined {
  return byId.get(id);
}

/** The exercises that suit a stage, optionally of one style, in catalogue order. */
export function exercisesForStage(stage: StageId, style?: ExerciseStyle): Exercise[] {
  return EXERCISES.filter((e) => e.stages.includes(stage) && (style === undefined || e.style === style));
}
