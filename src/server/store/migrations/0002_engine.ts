import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('preferences')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('styles', 'text', (c) => c.notNull())
    .addColumn('session_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('muscle_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('muscle', 'text', (c) => c.notNull())
    .addColumn('feels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('muscle_notes_episode_idx').on('muscle_notes').columns(['episode_id', 'updated_at']).execute();
}
