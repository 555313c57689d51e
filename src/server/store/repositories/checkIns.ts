import type { Kysely } from 'kysely';
import type { CheckInsTable, Database } from '../schema';

export type CheckInRow = CheckInsTable;

export function checkInsRepository(db: Kysely<Database>) {
  return {
    async findById(id: string): Promise<CheckInRow | undefined> {
      return db.selectFrom('check_ins').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** `since`: only check-ins at or after this canonical UTC instant (a replay resumed from a checkpoint needs no more). */
    async listForEpisode(personId: string, episodeId: string, since?: string): Promise<CheckInRow[]> {
      return db
        .selectFrom('check_ins')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('person_id', '=', personId)
        .$if(since !== undefined, (q) => q.where('at', '>=', since ?? ''))
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    async insertIfAbsent(row: CheckInRow): Promise<boolean> {
      const result = await db.insertInto('check_ins').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(personId: string, id: string, changes: Partial<Omit<CheckInRow, 'id' | 'person_id' | 'episode_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('check_ins').set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
  };
}
export type CheckInsRepository = ReturnType<typeof checkInsRepository>;
