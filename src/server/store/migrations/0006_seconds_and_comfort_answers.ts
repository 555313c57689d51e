import { sql, type Kysely } from 'kysely';

/**
 * Walks are kept to the second (a 45-second walk was rounded to 1 minute, or to 0): `movements.seconds`, filled from
 * the old whole minutes. The `minutes` column stays, written rounded, so nothing that reads it breaks; reads use
 * `seconds`. Comfort entries get the amount's unit and the "Did it help?" answer; both are null on older rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('movements').addColumn('seconds', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update movements set seconds = minutes * 60`.execute(db);
  await db.schema.alterTable('comfort_logs').addColumn('unit', 'text').execute();
  await db.schema.alterTable('comfort_logs').addColumn('helped', 'text').execute();
}
