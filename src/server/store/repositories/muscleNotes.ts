import type { Kysely } from 'kysely';
import type { Database, MuscleNotesTable } from '../schema';

export type MuscleNoteRow = MuscleNotesTable;

export function muscleNotesRepository(db: Kysely<Database>) {
  return {
    async findById(id: string): Promise<MuscleNoteRow | undefined> {
      return db.selectFrom('muscle_notes').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listForEpisode(personId: string, episodeId: string): Promise<MuscleNoteRow[]> {
      return db
        .selectFrom('muscle_notes')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('person_id', '=', personId)
        .orderBy('updated_at')
        .orderBy('id')
        .execute();
    },
    async insertIfAbsent(row: MuscleNoteRow): Promise<boolean> {
      const result = await db.insertInto('muscle_notes').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(personId: string, id: string, changes: Pick<MuscleNoteRow, 'muscle' | 'feels' | 'updated_at'>): Promise<void> {
      await db.updateTable('muscle_notes').set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
    async delete(personId: string, episodeId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('muscle_notes').where('id', '=', id).where('episode_id', '=', episodeId).where('person_id', '=', personId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type MuscleNotesRepository = ReturnType<typeof muscleNotesRepository>;
