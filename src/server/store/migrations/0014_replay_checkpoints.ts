import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Each episode's replay checkpoint (docs/engine.md §10c): the engine's state at the end of a day, so `GET …/today`
 * resumes the replay instead of running it from the onset. Triggers on the dated records keep it honest on every
 * instance: a write of a record before `covered_until` (the start of the day after the checkpoint's, UTC, in the
 * canonical form every instant is stored in) deletes the checkpoint, and every write bumps the episode's
 * `replay_generation`, so a checkpoint worked out from data that changed meanwhile is never saved.
 */
const RECORDS = [
  { table: 'check_ins', column: 'at' },
  { table: 'session_logs', column: 'ended_at' },
  { table: 'movements', column: 'started_at' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('episodes').addColumn('replay_generation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('replay_checkpoints')
    .addColumn('episode_id', 'text', (c) => c.primaryKey().references('episodes.id').onDelete('cascade'))
    .addColumn('covered_until', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const { table, column } of RECORDS) {
      const touched = (row: 'NEW' | 'OLD') => `
        UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = ${row}.episode_id;
        DELETE FROM replay_checkpoints WHERE episode_id = ${row}.episode_id AND ${row}.${column} < covered_until;`;
      await sql.raw(`CREATE TRIGGER replay_${table}_insert AFTER INSERT ON ${table} BEGIN ${touched('NEW')} END`).execute(db);
      await sql.raw(`CREATE TRIGGER replay_${table}_update AFTER UPDATE ON ${table} BEGIN ${touched('OLD')} ${touched('NEW')} END`).execute(db);
      await sql.raw(`CREATE TRIGGER replay_${table}_delete AFTER DELETE ON ${table} BEGIN ${touched('OLD')} END`).execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION replay_record_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
BEGIN
  FOR rec IN SELECT r FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) AS v(r) WHERE r IS NOT NULL LOOP
    UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = rec ->> 'episode_id';
    DELETE FROM replay_checkpoints WHERE episode_id = rec ->> 'episode_id' AND (rec ->> TG_ARGV[0]) < covered_until;
  END LOOP;
  RETURN NULL;
END $$`,
    )
    .execute(db);
  for (const { table, column } of RECORDS) {
    await sql.raw(`CREATE TRIGGER replay_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION replay_record_written('${column}')`).execute(db);
  }
}
