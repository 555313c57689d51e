import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { BACKSTOP_CHECKPOINT_PAGES, INLINE_CHECKPOINT_PAGES, openStore, type Store } from './database';
import { startWalCheckpointer } from './walCheckpointer';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function sqliteStore(backgroundCheckpoints: boolean): Promise<{ store: Store; file: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-wal-'));
  dirs.push(dataDir);
  const store = await openStore({ databaseUrl: null, dataDir, backgroundCheckpoints });
  stores.push(store);
  return { store, file: path.join(dataDir, 'unclench.sqlite') };
}

/** About 250 pages of log in 40 commits, far fewer than either threshold of the main connection. */
const ROWS = 40;
const ROW_BYTES = 20_000;

async function writeRows(store: Store): Promise<void> {
  await sql`create table wal_probe (n integer primary key, filler text not null)`.execute(store.db);
  for (let n = 0; n < ROWS; n++) await sql`insert into wal_probe (n, filler) values (${n}, ${'x'.repeat(ROW_BYTES)})`.execute(store.db);
}

const autocheckpointOf = async (store: Store) => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)).rows[0]?.wal_autocheckpoint;

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('checkpoints of the SQLite log', () => {
  it('are copied into the database file by a thread of their own, with the main connection’s own only a backstop', async () => {
    const { store, file } = await sqliteStore(true);
    expect(await autocheckpointOf(store)).toBe(BACKSTOP_CHECKPOINT_PAGES);
    const before = fs.statSync(file).size;
    await writeRows(store);
    // The rows reach the database file itself only by a checkpoint, and the main connection takes none this small.
    expect(await waitFor(() => fs.statSync(file).size >= before + ROWS * ROW_BYTES, 5_000)).toBe(true);
  });

  it('are left to the writes themselves without the thread (SQLite’s default), so the same writes stay in the log', async () => {
    const { store, file } = await sqliteStore(false);
    expect(await autocheckpointOf(store)).toBe(INLINE_CHECKPOINT_PAGES);
    const before = fs.statSync(file).size;
    await writeRows(store);
    expect(await waitFor(() => fs.statSync(file).size >= before + ROWS * ROW_BYTES, 500)).toBe(false);
  });

  it('end with the store: every row is there when the database is opened again', async () => {
    const { store, file } = await sqliteStore(true);
    await writeRows(store);
    await stores.splice(0)[0]?.close();
    const again = await openStore({ databaseUrl: null, dataDir: path.dirname(file) });
    stores.push(again);
    const { rows } = await sql<{ n: number }>`select count(*) as n from wal_probe`.execute(again.db);
    expect(rows[0]?.n).toBe(ROWS);
  });

  it('tell the caller when the thread cannot work, so the main connection can take them back', async () => {
    const reasons: string[] = [];
    const missing = path.join(os.tmpdir(), `unclench-missing-${process.pid}`, 'unclench.sqlite');
    const checkpointer = startWalCheckpointer(missing, (reason) => reasons.push(reason));
    expect(await waitFor(() => reasons.length > 0, 5_000)).toBe(true);
    expect(reasons).toHaveLength(1);
    await checkpointer.stop();
  });
});
