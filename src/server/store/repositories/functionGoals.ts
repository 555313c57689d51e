import type { Kysely } from 'kysely';
import type { Database, FunctionGoalsTable, FunctionRatingsTable } from '../schema';

export function functionGoalsRepository(db: Kysely<Database>) {
  return {
    async findGoal(id: string): Promise<FunctionGoalsTable | undefined> {
      return db.selectFrom('function_goals').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listGoals(personId: string, episodeId: string): Promise<FunctionGoalsTable[]> {
      return db.selectFrom('function_goals').selectAll().where('episode_id', '=', episodeId).where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
    },
    async insertGoalIfAbsent(row: FunctionGoalsTable): Promise<boolean> {
      const result = await db.insertInto('function_goals').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async renameGoal(personId: string, id: string, activity: string, now: string): Promise<void> {
      await db.updateTable('function_goals').set({ activity, updated_at: now }).where('id', '=', id).where('person_id', '=', personId).execute();
    },
    async listRatings(personId: string, goalIds: string[]): Promise<FunctionRatingsTable[]> {
      if (goalIds.length === 0) return [];
      return db.selectFrom('function_ratings').selectAll().where('person_id', '=', personId).where('goal_id', 'in', goalIds).orderBy('rated_on').execute();
    },
    async upsertRating(row: FunctionRatingsTable): Promise<void> {
      await db
        .insertInto('function_ratings')
        .values(row)
        .onConflict((oc) => oc.columns(['goal_id', 'rated_on']).doUpdateSet({ rating: row.rating, updated_at: row.updated_at }))
        .execute();
    },
  };
}
export type FunctionGoalsRepository = ReturnType<typeof functionGoalsRepository>;
