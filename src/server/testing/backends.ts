import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store } from '../store';
import { SCHEMA_CHANGE_LOCK } from '../store/database';

/** The databases the store and API tests run against: always a SQLite file, and PostgreSQL when TEST_DATABASE_URL is set. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store & { dispose(): Promise<void> }>;
}

export function testBackends(): Backend[] {
  const backends: Backend[] = [{ name: 'sqlite', open: openSqliteForTest }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push({ name: 'postgres', open: () => openPostgresForTest(url) });
  return backends;
}

/**
 * One `describe` per database. Without TEST_DATABASE_URL the PostgreSQL block is still declared, as skipped,
 * so the count says "N skipped" instead of the tier silently vanishing.
 */
export function describeEachBackend(title: string, body: (backend: Backend) => void) {
  describe(`${title} on sqlite`, () => body({ name: 'sqlite', open: openSqliteForTest }));
  const url = process.env.TEST_DATABASE_URL;
  const postgres: Backend = {
    name: 'postgres',
    open: () => (url ? openPostgresForTest(url) : Promise.reject(new Error('TEST_DATABASE_URL is not set'))),
  };
  (url ? describe : describe.skip)(`${title} on postgres${url ? '' : ' (skipped: set TEST_DATABASE_URL)'}`, () => body(postgres));
}

async function openSqliteForTest() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-test-'));
  const store = await openStore({ databaseUrl: null, dataDir });
  return {
    ...store,
    async dispose() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgresForTest(url: string) {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, dataDir: os.tmpdir(), pgSchema: schema });
  return {
    ...store,
    async dispose() {
      await store.close();
      await dropTestSchema(url, schema);
    },
  };
}

/** Drops a test's PostgreSQL schema, never while another test file is migrating (see SCHEMA_CHANGE_LOCK). */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end(); // the session's lock goes with it
  }
}
