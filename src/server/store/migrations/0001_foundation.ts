import type { Kysely } from 'kysely';

// Forward-only. Only portable types: text, integer. Timestamps and JSON are stored as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_person_idx').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('episodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('onset_date', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('pain_now', 'integer', (c) => c.notNull())
    .addColumn('safety', 'text', (c) => c.notNull())
    .addColumn('triage', 'text', (c) => c.notNull())
    .addColumn('safety_at', 'text', (c) => c.notNull())
    .addColumn('current_triage', 'text', (c) => c.notNull())
    .addColumn('current_triage_at', 'text', (c) => c.notNull())
    .addColumn('clinician_seen_on', 'text')
    .addColumn('clinician_recorded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('episodes_person_idx').on('episodes').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('pain_now', 'integer', (c) => c.notNull())
    .addColumn('pain_worst_24h', 'integer', (c) => c.notNull())
    .addColumn('stand_straight', 'text', (c) => c.notNull())
    .addColumn('walk_minutes', 'integer', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('safety', 'text')
    .addColumn('triage', 'text')
    .addColumn('safety_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_ins_episode_idx').on('check_ins').columns(['episode_id', 'at']).execute();
}
