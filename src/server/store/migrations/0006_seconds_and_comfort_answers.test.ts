import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from './index';

describe('migration 0006: walks to the second, comfort units and answers', () => {
  let db: Kysely<unknown> | null = null;
  afterEach(async () => {
    await db?.destroy();
    db = null;
  });

  it('keeps every walk logged before it (whole minutes become seconds) and leaves older comfort entries without a unit or answer', async () => {
    const file = new Database(':memory:');
    // Rows as an older version left them; their person and episode do not matter to this migration.
    file.pragma('foreign_keys = OFF');
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: file }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0005_function_goals')).error).toBeUndefined();
    await sql`insert into movements (id, episode_id, person_id, kind, started_at, minutes, created_at, updated_at)
      values ('m1', 'e1', 'p1', 'walk', '2026-11-24T10:00:00.000Z', 12, 'x', 'x')`.execute(db);
    await sql`insert into comfort_logs (id, episode_id, person_id, kind, name, amount, daily_max, at, created_at, updated_at)
      values ('c1', 'e1', 'p1', 'heat', 'Hot water bottle', 1, null, '2026-11-24T10:00:00.000Z', 'x', 'x')`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const walk = await sql<{ minutes: number; seconds: number }>`select minutes, seconds from movements where id = 'm1'`.execute(db);
    expect(walk.rows).toEqual([{ minutes: 12, seconds: 720 }]);
    const comfort = await sql<{ unit: string | null; helped: string | null }>`select unit, helped from comfort_logs where id = 'c1'`.execute(db);
    expect(comfort.rows).toEqual([{ unit: null, helped: null }]);
  });
});
