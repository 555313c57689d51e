import { z } from 'zod';
import { COMFORT_KINDS, COMFORT_UNITS, HELPED_ANSWERS } from '../core/comfort/kinds';
import { IsoInstant, Pain, Uuid } from './common';

export const SessionExerciseLog = z.strictObject({
  exerciseId: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'must be an exercise id' }),
  outcome: z.enum(['done', 'skipped', 'swapped'], { error: 'must be done, skipped or swapped' }),
  reps: z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(500, { error: 'must be 500 or less' }).optional(),
  holdSeconds: z.number().int({ error: 'must be a whole number of seconds' }).min(0, { error: 'must be 0 or more' }).max(3600, { error: 'must be 3600 or less' }).optional(),
  painDuring: Pain.optional(),
});

export const SessionLogPut = z.strictObject({
  startedAt: IsoInstant,
  endedAt: IsoInstant,
  painBefore: Pain,
  painAfter: Pain,
  feel: z.enum(['too_easy', 'right', 'too_much'], { error: 'must be too_easy, right or too_much' }),
  exercises: z.array(SessionExerciseLog).max(60, { error: 'must list 60 exercises or fewer' }),
});
export type SessionLogPut = z.infer<typeof SessionLogPut>;

export const SessionLog = SessionLogPut.extend({ id: z.string(), episodeId: z.string(), createdAt: z.string() });
export type SessionLog = z.infer<typeof SessionLog>;
export const SessionIdParams = z.strictObject({ id: Uuid, sessionId: Uuid });

export const MovementPut = z.strictObject({
  kind: z.enum(['walk', 'stand-break', 'lie-flat'], { error: 'must be walk, stand-break or lie-flat' }),
  startedAt: IsoInstant,
  /** Minutes, kept to the second (0.75 is 45 seconds); answered as stored, so a 45-second walk stays 0.75. */
  minutes: z.number({ error: 'must be a number of minutes' }).min(0, { error: 'must be 0 or more' }).max(600, { error: 'must be 600 or less' }),
});
export type MovementPut = z.infer<typeof MovementPut>;
export const Movement = MovementPut.extend({ id: z.string(), episodeId: z.string(), createdAt: z.string() });
export type Movement = z.infer<typeof Movement>;
export const MovementIdParams = z.strictObject({ id: Uuid, eventId: Uuid });

const Amount = z.number({ error: 'must be a number' }).gt(0, { error: 'must be more than 0' }).max(10_000, { error: 'must be 10000 or less' });

export const ComfortPut = z.strictObject({
  kind: z.enum(COMFORT_KINDS, { error: `must be one of: ${COMFORT_KINDS.join(', ')}` }),
  name: z.string({ error: 'must be text' }).trim().min(1, { error: 'is required' }).max(80, { error: 'must be 80 characters or fewer' }),
  amount: Amount,
  /** The amount's unit, one of the kind's units (core/comfort/kinds.ts). Optional only so writes made before units were asked still go through. */
  unit: z.enum(COMFORT_UNITS, { error: `must be one of: ${COMFORT_UNITS.join(', ')}` }).nullable().optional(),
  /** The daily maximum from the person's own package label, in the same unit as amount; only for kinds with a label. */
  dailyMax: Amount.nullable().optional(),
  at: IsoInstant,
  /** "Did it help?", answered later that day by sending the entry again with it. Left out: the stored answer stays. */
  helped: z.enum(HELPED_ANSWERS, { error: `must be one of: ${HELPED_ANSWERS.join(', ')}` }).nullable().optional(),
});
export type ComfortPut = z.infer<typeof ComfortPut>;
export const OverLimit = z.object({ name: z.string(), date: z.string(), total: z.number(), dailyMax: z.number(), unit: z.enum(COMFORT_UNITS).nullable() });
export const Comfort = z.object({
  id: z.string(),
  episodeId: z.string(),
  kind: z.enum(COMFORT_KINDS),
  name: z.string(),
  amount: z.number(),
  /** Null for an entry made before units were asked. */
  unit: z.enum(COMFORT_UNITS).nullable(),
  dailyMax: z.number().nullable(),
  at: z.string(),
  /** Null until the person answers "Did it help?". */
  helped: z.enum(HELPED_ANSWERS).nullable(),
  createdAt: z.string(),
  /** Set when this entry's day is over the daily maximum the person entered. */
  overLimit: OverLimit.nullable(),
});
export type Comfort = z.infer<typeof Comfort>;
export const ComfortIdParams = z.strictObject({ id: Uuid, logId: Uuid });
