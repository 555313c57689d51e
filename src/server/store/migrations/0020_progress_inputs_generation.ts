import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Progress reads three things a plan does not: comfort entries, activity goals and their ratings. Their writes now
 * move the episode's generation too (as migration 0018 did for the plan's inputs), so a Progress reply worked out at a
 * generation can be kept until it moves, on every instance. A rating names its goal, not its episode: the episode is
 * the goal's (a rating whose goal is gone meanwhile, in a cascade, finds none, and the goal's own delete has counted).
 */
const PER_EPISODE = ['comfort_logs', 'function_goals'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const bump = (table: string, row: 'NEW' | 'OLD') =>
      table === 'function_ratings'
        ? `UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = (SELECT episode_id FROM function_goals WHERE id = ${row}.goal_id);`
        : `UPDATE episodes SET replay_generation = replay_generation + 1 WHERE id = ${row}.episode_id;`;
    for (const table of [...PER_EPISODE, 'function_ratings']) {
      await sql.raw(`CREATE TRIGGER progress_input_${table}_insert AFTER INSERT ON ${table} BEGIN ${bump(table, 'NEW')} END`).execute(db);
      await sql.raw(`CREATE TRIGGER progress_input_${table}_update AFTER UPDATE ON ${table} BEGIN ${bump(table, 'OLD')} ${bump(table, 'NEW')} END`).execute(db);
      await sql.raw(`CREATE TRIGGER progress_input_${table}_delete AFTER DELETE ON ${table} BEGIN ${bump(table, 'OLD')} END`).execute(db);
    }
    return;
  }
  // plan_input_written('episode') (migrations 0018, 0019) counts a write to a row's episode_id.
  for (const table of PER_EPISODE) {
    await sql.raw(`CREATE TRIGGER progress_input_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION plan_input_written('episode')`).execute(db);
  }
  await sql
    .raw(
      `CREATE FUNCTION function_rating_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
  episode text;
BEGIN
  FOR rec IN SELECT r FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) AS v(r) WHERE r IS NOT NULL LOOP
    SELECT episode_id INTO episode FROM function_goals WHERE id = rec ->> 'goal_id';
    IF episode IS NOT NULL THEN
      PERFORM episode_written(episode);
    END IF;
  END LOOP;
  RETURN NULL;
END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER progress_input_function_ratings AFTER INSERT OR UPDATE OR DELETE ON function_ratings FOR EACH ROW EXECUTE FUNCTION function_rating_written()`).execute(db);
}
