import { z } from 'zod';
import { IsoDate, Pain, Uuid } from './common';

export const FunctionGoalPut = z.strictObject({
  activity: z.string({ error: 'must be text' }).trim().min(2, { error: 'must name the activity in a few words' }).max(120, { error: 'must be 120 characters or fewer' }),
});
/** 0 = unable, 10 = as before the problem. */
export const FunctionRatingPut = z.strictObject({ rating: Pain });

export const FunctionGoal = z.object({
  id: z.string(),
  episodeId: z.string(),
  activity: z.string(),
  ratings: z.array(z.object({ date: z.string(), rating: z.number() })),
  createdAt: z.string(),
});
export type FunctionGoal = z.infer<typeof FunctionGoal>;

export const FunctionGoalIdParams = z.strictObject({ id: Uuid, goalId: Uuid });
export const FunctionRatingParams = z.strictObject({ id: Uuid, goalId: Uuid, date: IsoDate });
