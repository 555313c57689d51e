import { z } from 'zod';
import { STAGE_IDS } from '../core/plan/stages';
import { CUE_POSITIONS } from '../core/plan/types';
import { TriageResult } from './safety';
import { Rescreen } from './episodes';

export const Reason = z.object({
  code: z.string(),
  principle: z.enum(['pacing', 'keep-moving', 'posture', 'whole-body', 'related-pains', 'safety']),
  text: z.string(),
});

const DoseSchema = z.union([
  z.object({ kind: z.literal('reps'), reps: z.number(), sets: z.number(), secondsPerRep: z.number(), restSeconds: z.number(), sides: z.enum(['both', 'each']) }),
  z.object({ kind: z.literal('hold'), holdSeconds: z.number(), reps: z.number(), sets: z.number(), restSeconds: z.number(), sides: z.enum(['both', 'each']) }),
  z.object({ kind: z.literal('time'), seconds: z.number(), sides: z.enum(['both', 'each']) }),
]);

export const PlanItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lie-flat'), times: z.number(), minutes: z.number(), reason: Reason }),
  z.object({ kind: z.literal('breathing'), minutes: z.number(), reason: Reason }),
  z.object({
    kind: z.literal('posture'),
    /** Every cue, in group order. */
    cues: z.array(z.string()),
    /** The same cues, each under the position it is for. */
    groups: z.array(z.object({ position: z.enum(CUE_POSITIONS), cues: z.array(z.string()) })),
    reason: Reason,
  }),
  z.object({
    kind: z.literal('walk'),
    walks: z.number(),
    minutesEach: z.number(),
    /** What the latest check-in said the person can walk (minutes); walking within it never draws an "ease off". */
    reportedMinutes: z.number(),
    reason: Reason,
  }),
  z.object({ kind: z.literal('stand-breaks'), everyMinutes: z.number(), reason: Reason }),
  z.object({
    kind: z.literal('session'),
    paused: z.boolean(),
    totalMinutes: z.number(),
    exercises: z.array(z.object({ exerciseId: z.string(), role: z.enum(['warm-up', 'main', 'cool-down']), dose: DoseSchema })),
    reason: Reason,
  }),
  z.object({ kind: z.literal('see-doctor'), timeframe: z.enum(['now', 'within_24h', 'within_1_week']), reason: Reason }),
]);

const Stage = z.enum(STAGE_IDS).nullable();

/** What the Today screen needs in one request. */
export const Today = z.object({
  date: z.string(),
  stage: Stage,
  triage: TriageResult,
  /** New leg pain without the leg questions answered: `plan` and `reasons` stay empty until they are. */
  rescreen: Rescreen,
  plan: z.array(PlanItem),
  reasons: z.array(Reason),
});
export type Today = z.infer<typeof Today>;
