import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer';
import { groupCommit, type GroupCommit } from './groupCommit';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** SQLite only: the hottest writes are committed in groups (groupCommit.ts); PostgreSQL commits concurrently anyway. */
  groupCommit: GroupCommit | null;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: use (and create) this schema, so test runs do not collide. */
  pgSchema?: string;
  /**
   * SQLite only: copy the write-ahead log into the database file from a thread of its own (the server does), rather
   * than inline in a write every 1,000 pages of log (SQLite's default, kept for short-lived stores such as tests').
   */
  backgroundCheckpoints?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.pgSchema) : openSqlite(options.dataDir, options.backgroundCheckpoints ?? false);
  await migrate(store.db, options.databaseUrl ? { schema: options.pgSchema } : null);
  return store;
}

/** SQLite's own default: a write that takes the log past this many pages copies it into the database file. */
export const INLINE_CHECKPOINT_PAGES = 1_000;
/** With the background thread, only a backstop should it fall far behind (about 40 MB of log). */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

function openSqlite(dataDir: string, backgroundCheckpoints: boolean): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const fileName = path.join(dataDir, 'unclench.sqlite');
  const file = new SQLite(fileName);
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  // A log that grew under a burst of writes is cut back to this size once it has been copied in.
  file.pragma('journal_size_limit = 67108864');
  let checkpointer: WalCheckpointer | null = null;
  if (backgroundCheckpoints) {
    file.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    checkpointer = startWalCheckpointer(fileName, () => {
      if (file.open) file.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return {
    db,
    kind: 'sqlite',
    groupCommit: groupCommit(file, (work) => db.connection().execute(async () => work())),
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** Most distinct statements kept prepared; the app has well under a hundred, so this only bounds the unexpected. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement on every call; preparing (parsing and planning the SQL) was a sixth of a
 * check-in's time. The app's statements are few and fixed, so each is prepared once and reused. A statement is
 * busy only while it is iterated, which Kysely does for streaming alone; such a one gets a fresh copy.
 */
export function withStatementCache(file: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      file.close();
    },
    prepare(sqlText: string) {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) return cached;
      const statement = file.prepare(sqlText);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

async function openPostgres(connectionString: string, schema?: string): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('pgSchema must be a plain lower-case identifier');
  if (schema) {
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  return { db, kind: 'postgres', groupCommit: null, close: () => db.destroy() };
}

/**
 * PostgreSQL parses and plans an unnamed statement on every call. The app's parameterised statements are few and
 * fixed, so each gets a name (a hash of its text) and each connection prepares it once. Statements without
 * parameters (transaction control, migrations' DDL) stay unnamed, so a schema change never meets a stale plan.
 */
export function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `u${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (names.size >= STATEMENT_CACHE_SIZE) names.delete(names.keys().next().value as string);
      names.set(text, name);
    }
    return name;
  };
  // One wrapper per pooled client, made once: Kysely keeps its connection object per client it is given (in weak
  // maps), so a new wrapper on every checkout made a new connection, and two weak-map entries, on every query.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = (textOrCursor: string | PostgresCursor<unknown>, values?: readonly unknown[]) => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as unknown as pg.Submittable);
      if (!values || values.length === 0) return client.query(textOrCursor, values as unknown[] | undefined);
      return client.query({ name: nameOf(textOrCursor), text: textOrCursor, values: values as unknown[] });
    };
    return { query, release: () => client.release() } as unknown as PostgresPoolClient;
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/**
 * Held (PostgreSQL advisory lock) while migrating and while a schema is dropped: the migrator looks at every table of
 * the database (Kysely's introspection), which fails if a schema disappears beneath it.
 */
export const SCHEMA_CHANGE_LOCK = 74_221_901;

/**
 * `postgres.schema`: the migration bookkeeping lives there too, never mistaken for another schema's. `null`: SQLite.
 * On PostgreSQL the migration holds SCHEMA_CHANGE_LOCK on one connection of the pool while the migrator runs.
 */
export async function migrate(db: Kysely<Database>, postgres: { schema?: string | undefined } | null): Promise<void> {
  const schema = postgres?.schema;
  // Helpers land migrations in parallel (0006… and 0009…), so one applied out of order is not an error.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const run = () => migrator.migrateToLatest();
  const { error, results } = postgres
    ? await db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
        try {
          return await run();
        } finally {
          await sql`select pg_advisory_unlock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
        }
      })
    : await run();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
