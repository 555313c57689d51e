import type { Kysely } from 'kysely';

// Posture checks made with the camera on the device: only the result (view, seconds, score, cues), never an image.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posture_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('seconds', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('cues', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posture_checks_episode_idx').on('posture_checks').columns(['episode_id', 'at']).execute();
}
