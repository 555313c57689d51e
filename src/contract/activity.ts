import { z } from 'zod';
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
  minutes: z.number({ error: 'must be a number of minutes' }).min(0, { error: 'must be 0 or more' }).max(600, { error: 'must be 600 or less' }),
});
export type MovementPut = z.infer<typeof MovementPut>;
export const Movement = MovementPut.extend({ id: z.string(), episodeId: z.string(), createdAt: z.string() });
export type Movement = z.infer<typeof Movement>;
export const MovementIdParams = z.strictObject({ id: Uuid, eventId: Uuid });
