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
    /**
     * Inserts a new goal only while the episode has fewer than `max`, in one transaction that first locks the
     * episode (a row lock on PostgreSQL, the write lock on SQLite), so concurrent inserts are counted in turn.
     */
    async insertGoalWithin(row: FunctionGoalsTable, max: number): Promise<'inserted' | 'exists' | 'full'> {
      return db.transaction().execute(async (trx) => {
        await trx.updateTable('episodes').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', row.episode_id).execute();
        const existing = await trx.selectFrom('function_goals').select('id').where('id', '=', row.id).executeTakeFirst();
        if (existing) return 'exists';
        const { n } = await trx.selectFrom('function_goals').select((eb) => eb.fn.countAll().as('n')).where('episode_id', '=', row.episode_id).executeTakeFirstOrThrow();
        if (Number(n) >= max) return 'full';
        await trx.insertInto('function_goals').values(row).execute();
        return 'inserted';
      });
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
