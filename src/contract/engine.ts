import { z } from 'zod';
import { EXERCISE_STYLES, EXTRA_JOINTS, JOINTS, POSITIONS, LOAD_TYPES, SESSION_ROLES } from '../core/exercises/types';
import { STAGE_IDS } from '../core/plan/stages';
import { IsoDate, MuscleId, Uuid } from './common';
import { PlanItem, Reason } from './plan';
import { TriageResult } from './safety';

export const ExerciseStyle = z.enum(EXERCISE_STYLES, { error: `must be one of: ${EXERCISE_STYLES.join(', ')}` });
export const StageId = z.enum(STAGE_IDS, { error: `must be one of: ${STAGE_IDS.join(', ')}` });

export const PreferencesPut = z.strictObject({
  styles: z.array(ExerciseStyle).min(1, { error: 'choose at least one style' }).max(EXERCISE_STYLES.length),
  sessionMinutes: z.union([z.literal(5), z.literal(10), z.literal(20), z.literal(30)], { error: 'must be 5, 10, 20 or 30' }),
});
export const PreferencesBody = PreferencesPut;
export type PreferencesBody = z.infer<typeof PreferencesBody>;

export const MuscleNotePut = z.strictObject({
  muscle: MuscleId,
  feels: z.enum(['weak', 'tight'], { error: 'must be weak or tight' }),
});
export const MuscleNote = z.object({
  id: z.string(),
  episodeId: z.string(),
  muscle: z.string(),
  feels: z.enum(['weak', 'tight']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MuscleNote = z.infer<typeof MuscleNote>;
export const MuscleNoteIdParams = z.strictObject({ id: Uuid, noteId: Uuid });

const Pose = z.object({
  ...(Object.fromEntries(JOINTS.map((j) => [j, z.number()])) as Record<(typeof JOINTS)[number], z.ZodNumber>),
  ...(Object.fromEntries(EXTRA_JOINTS.map((j) => [j, z.number().optional()])) as Record<(typeof EXTRA_JOINTS)[number], z.ZodOptional<z.ZodNumber>>),
});
const Dose = z.union([
  z.object({ kind: z.literal('reps'), reps: z.number(), sets: z.number(), secondsPerRep: z.number(), restSeconds: z.number(), sides: z.enum(['both', 'each']) }),
  z.object({ kind: z.literal('hold'), holdSeconds: z.number(), reps: z.number(), sets: z.number(), restSeconds: z.number(), sides: z.enum(['both', 'each']) }),
  z.object({ kind: z.literal('time'), seconds: z.number(), sides: z.enum(['both', 'each']) }),
]);

export const Exercise = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  style: ExerciseStyle,
  position: z.enum(POSITIONS),
  stages: z.array(StageId),
  role: z.enum(SESSION_ROLES),
  loadType: z.enum(LOAD_TYPES),
  strengthens: z.array(z.string()),
  relaxes: z.array(z.string()),
  dose: Dose,
  cues: z.array(z.string()),
  cautions: z.array(z.string()),
  easierId: z.string().nullable(),
  harderId: z.string().nullable(),
  keyframes: z.array(z.object({ t: z.number(), phase: z.string(), pose: Pose })),
});

export const ExerciseQuery = z.strictObject({
  style: ExerciseStyle.optional(),
  position: z.enum(POSITIONS, { error: `must be one of: ${POSITIONS.join(', ')}` }).optional(),
  stage: StageId.optional(),
  muscle: MuscleId.optional(),
});
export const ExerciseIdParams = z.strictObject({ exerciseId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'must be an exercise id' }) });

export const PlanQuery = z.strictObject({ date: IsoDate });

export const PlanResponse = z.object({
  date: z.string(),
  stage: StageId.nullable(),
  triage: TriageResult,
  items: z.array(PlanItem),
  reasons: z.array(Reason),
});
