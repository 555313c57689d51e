import type { z } from 'zod';
import { PSFS_MAX_ACTIVITIES } from '../../core/clinical';
import { localDateOf } from '../../core/time';
import type { FunctionGoal, FunctionGoalPut, FunctionRatingPut } from '../../contract';
import { invalid, notFound } from '../errors';
import type { FunctionGoalsRepository } from '../store/repositories/functionGoals';
import type { FunctionGoalsTable, FunctionRatingsTable } from '../store/schema';
import type { EpisodeService } from './episodes';
import type { Clock } from './clock';

function toGoal(goal: FunctionGoalsTable, ratings: FunctionRatingsTable[]): FunctionGoal {
  return {
    id: goal.id,
    episodeId: goal.episode_id,
    activity: goal.activity,
    ratings: ratings.filter((r) => r.goal_id === goal.id).map((r) => ({ date: r.rated_on, rating: r.rating })),
    createdAt: goal.created_at,
  };
}

export function functionGoalService({ episodes, functionGoals, clock }: { episodes: EpisodeService; functionGoals: FunctionGoalsRepository; clock: Clock }) {
  async function list(personId: string, episodeId: string): Promise<FunctionGoal[]> {
    const goals = await functionGoals.listGoals(personId, episodeId);
    const ratings = await functionGoals.listRatings(personId, goals.map((g) => g.id));
    return goals.map((g) => toGoal(g, ratings));
  }

  async function ownedGoal(personId: string, episodeId: string, goalId: string): Promise<FunctionGoalsTable> {
    const goal = await functionGoals.findGoal(goalId);
    if (!goal || goal.person_id !== personId || goal.episode_id !== episodeId) throw notFound('That activity');
    return goal;
  }

  async function one(personId: string, episodeId: string, goalId: string): Promise<FunctionGoal> {
    const found = (await list(personId, episodeId)).find((g) => g.id === goalId);
    if (!found) throw notFound('That activity');
    return found;
  }

  return {
    list: async (personId: string, episodeId: string) => {
      await episodes.owned(personId, episodeId);
      return list(personId, episodeId);
    },

    async put(personId: string, episodeId: string, goalId: string, input: z.infer<typeof FunctionGoalPut>): Promise<FunctionGoal> {
      await episodes.owned(personId, episodeId);
      const now = clock().toISOString();
      const existing = await functionGoals.findGoal(goalId);
      if (existing) {
        await ownedGoal(personId, episodeId, goalId);
        if (existing.activity !== input.activity) await functionGoals.renameGoal(personId, goalId, input.activity, now);
      } else {
        const row = { id: goalId, episode_id: episodeId, person_id: personId, activity: input.activity, created_at: now, updated_at: now };
        const outcome = await functionGoals.insertGoalWithin(row, PSFS_MAX_ACTIVITIES);
        if (outcome === 'full') {
          throw invalid([{ path: 'activity', rule: 'max_activities', message: `you can follow up to ${PSFS_MAX_ACTIVITIES} activities; rename one instead` }]);
        }
        // Sent twice at once: the other request stored it (or the id is someone else's, which answers 404).
        if (outcome === 'exists') await ownedGoal(personId, episodeId, goalId);
      }
      return one(personId, episodeId, goalId);
    },

    async rate(personId: string, episodeId: string, goalId: string, date: string, input: z.infer<typeof FunctionRatingPut>): Promise<FunctionGoal> {
      const episode = await episodes.owned(personId, episodeId);
      await ownedGoal(personId, episodeId, goalId);
      const today = localDateOf(clock(), await episodes.timeZoneOf(personId));
      if (date > today) throw invalid([{ path: 'date', rule: 'not_future', message: 'cannot be later than today' }]);
      if (date < episode.onset_date) throw invalid([{ path: 'date', rule: 'within_episode', message: 'cannot be before this episode started' }]);
      await functionGoals.upsertRating({ goal_id: goalId, rated_on: date, person_id: personId, rating: input.rating, updated_at: clock().toISOString() });
      return one(personId, episodeId, goalId);
    },
  };
}
export type FunctionGoalService = ReturnType<typeof functionGoalService>;
