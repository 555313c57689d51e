import type { Kysely } from 'kysely';

// Therapists who follow along: a therapist's display name, the person's invites (only a hash of each code is
// kept), the links between a person and a therapist with their scopes, every therapist read and change as an
// access log the person sees, and the therapist's plan edits that the engine applies.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('name', 'text').execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('redeemed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('therapist_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('therapist_links_person_idx').on('therapist_links').columns(['person_id', 'therapist_id']).execute();
  await db.schema.createIndex('therapist_links_therapist_idx').on('therapist_links').columns(['therapist_id']).execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('episode_id', 'text', (c) => c.references('episodes.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.references('persons.id').onDelete('set null'))
    .addColumn('therapist_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_log_person_idx').on('access_log').columns(['person_id', 'at']).execute();

  await db.schema
    .createTable('plan_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.references('persons.id').onDelete('set null'))
    .addColumn('therapist_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('plan_edits_episode_idx').on('plan_edits').columns(['episode_id']).execute();
}
