import type { Kysely } from 'kysely';
import type { Database, PreferencesTable } from '../schema';

export function preferencesRepository(db: Kysely<Database>) {
  return {
    async find(personId: string): Promise<PreferencesTable | undefined> {
      return db.selectFrom('preferences').selectAll().where('person_id', '=', personId).executeTakeFirst();
    },
    async upsert(row: PreferencesTable): Promise<void> {
      await db
        .insertInto('preferences')
        .values(row)
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ styles: row.styles, session_minutes: row.session_minutes, updated_at: row.updated_at }))
        .execute();
    },
  };
}
export type PreferencesRepository = ReturnType<typeof preferencesRepository>;
