import type { Kysely } from 'kysely';

// Web Push: the server's VAPID key pair (one row, shared by every instance), each device's push subscription, the
// person's reminder settings, and the reminders themselves as rows that an instance claims before sending.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('push_vapid_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('expiration_time', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_subscriptions_pk', ['person_id', 'id'])
    .execute();
  await db.schema.createIndex('push_subscriptions_endpoint_idx').on('push_subscriptions').column('endpoint').execute();

  await db.schema
    .createTable('reminder_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('interval_override_minutes', 'integer')
    .addColumn('check_in_time', 'text')
    .addColumn('goal_weekday', 'text')
    .addColumn('goal_time', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('episode_id', 'text', (c) => c.references('episodes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('sitting_since', 'text')
    .addColumn('snoozed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminders_due_idx').on('reminders').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('reminders_person_idx').on('reminders').columns(['person_id', 'kind']).execute();
}
