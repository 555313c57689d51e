import type { Kysely } from 'kysely';
import type { CheckInsTable, Database } from '../schema';
import { precompiled } from '../precompiled';

export type CheckInRow = CheckInsTable;

const COLUMNS = ['id', 'episode_id', 'person_id', 'at', 'pain_now', 'pain_worst_24h', 'stand_straight', 'walk_minutes', 'regions', 'safety', 'triage', 'safety_at', 'created_at', 'updated_at'] as const satisfies readonly (keyof CheckInRow)[];

export function checkInsRepository(db: Kysely<Database>) {
  // The write a person makes most.
  const insertIfAbsent = precompiled(db, COLUMNS, (row: CheckInRow) => db.insertInto('check_ins').values(row).onConflict((oc) => oc.column('id').doNothing()));
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
      const result = await insertIfAbsent(row);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
    async update(personId: string, id: string, changes: Partial<Omit<CheckInRow, 'id' | 'person_id' | 'episode_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('check_ins').set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
  };
}
export type CheckInsRepository = ReturnType<typeof checkInsRepository>;
