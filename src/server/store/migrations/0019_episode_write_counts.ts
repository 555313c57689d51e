import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * An episode's generation (migrations 0014, 0018) becomes `replay_generation` plus the sum of its rows here. On
 * PostgreSQL every write bumped the episode row itself, so concurrent writes to one episode queued on that row's
 * lock, one commit (and one WAL flush) after another. Now a write adds one to a row of its own connection's shard
 * (the backend's process id modulo SHARDS), so writers on different connections touch different rows and their
 * commits share a flush. The sum a reader sees is the count of committed writes, whatever order they committed in,
 * so it moves on every committed write exactly as the single counter did (a largest-sequence-number stamp would not:
 * a write that took a lower number but committed later would leave it unmoved).
 *
 * The checkpoint save must still not race a write in flight. Each write takes a KEY SHARE lock on its episode row
 * (as its foreign key check does anyway), which concurrent writers share; the save takes FOR UPDATE, which waits for
 * those writers to commit and holds new ones back until it has committed (replayCheckpoints.ts). The trigger takes
 * the lock before it deletes a stale checkpoint, so a checkpoint saved meanwhile is visible to that delete.
 *
 * SQLite has one writer at a time, so a row lock costs nothing there: its triggers keep bumping the episode row and
 * its rows here stay empty; the generation is read the same way on both.
 */
const SHARDS = 64;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('episode_writes')
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('writes', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('episode_writes_pkey', ['episode_id', 'shard'])
    .execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;

  // Nothing is counted for an episode that is gone (an erasure deletes the episode before its records).
  await sql
    .raw(
      `CREATE FUNCTION episode_written(episode text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM episodes WHERE id = episode FOR KEY SHARE;
  IF FOUND THEN
    INSERT INTO episode_writes (episode_id, shard, writes) VALUES (episode, pg_backend_pid() % ${SHARDS}, 1)
      ON CONFLICT (episode_id, shard) DO UPDATE SET writes = episode_writes.writes + 1;
  END IF;
END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION replay_record_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
BEGIN
  FOR rec IN SELECT r FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) AS v(r) WHERE r IS NOT NULL LOOP
    PERFORM episode_written(rec ->> 'episode_id');
    DELETE FROM replay_checkpoints WHERE episode_id = rec ->> 'episode_id' AND (rec ->> TG_ARGV[0]) < covered_until;
  END LOOP;
  RETURN NULL;
END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION plan_input_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
  episode text;
BEGIN
  FOR rec IN SELECT r FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) AS v(r) WHERE r IS NOT NULL LOOP
    IF TG_ARGV[0] = 'episode' THEN
      PERFORM episode_written(rec ->> 'episode_id');
    ELSE
      FOR episode IN SELECT id FROM episodes WHERE person_id = rec ->> 'person_id' LOOP
        PERFORM episode_written(episode);
      END LOOP;
    END IF;
  END LOOP;
  RETURN NULL;
END $$`,
    )
    .execute(db);
}
