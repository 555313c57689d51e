import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Every write that can change an episode's plan bumps the episode's `replay_generation` (migration 0014 made the
 * dated records do so). Here the rest of what a plan is worked out from joins them: muscle notes and a therapist's
 * plan edits (per episode) and the person's preferences (every episode of theirs). So "the generation has not moved"
 * means "nothing the plan reads has changed", on every instance, and a reply worked out at a generation can be kept
 * until it moves. The episode row itself is compared field by field by its readers (no trigger on it: the checkpoint
 * save updates it to take its lock).
 */
const PER_EPISODE = ['muscle_notes', 'plan_edits'] as const;
const PER_PERSON = ['preferences'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const bump = (row: 'NEW' | 'OLD', key: 'episode' | 'person') =>
      key === 'episode'
        ? `UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = ${row}.episode_id;`
        : `UPDATE episodes SET replay_generation = replay_generation + 1 WHERE person_id = ${row}.person_id;`;
    const tables = [...PER_EPISODE.map((t) => [t, 'episode'] as const), ...PER_PERSON.map((t) => [t, 'person'] as const)];
    for (const [table, key] of tables) {
      await sql.raw(`CREATE TRIGGER plan_input_${table}_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW', key)} END`).execute(db);
      await sql.raw(`CREATE TRIGGER plan_input_${table}_update AFTER UPDATE ON ${table} BEGIN ${bump('OLD', key)} ${bump('NEW', key)} END`).execute(db);
      await sql.raw(`CREATE TRIGGER plan_input_${table}_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD', key)} END`).execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION plan_input_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
BEGIN
  FOR rec IN SELECT r FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) AS v(r) WHERE r IS NOT NULL LOOP
    IF TG_ARGV[0] = 'episode' THEN
      UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = rec ->> 'episode_id';
    ELSE
      UPDATE episodes SET replay_generation = replay_generation + 1 WHERE person_id = rec ->> 'person_id';
    END IF;
  END LOOP;
  RETURN NULL;
END $$`,
    )
    .execute(db);
  for (const table of PER_EPISODE) {
    await sql.raw(`CREATE TRIGGER plan_input_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION plan_input_written('episode')`).execute(db);
  }
  for (const table of PER_PERSON) {
    await sql.raw(`CREATE TRIGGER plan_input_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION plan_input_written('person')`).execute(db);
  }
}
