import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit, type GroupCommit } from './groupCommit';

describe('SQLite writes committed in groups', () => {
  let dir: string;
  let file: SQLite.Database;
  let reader: SQLite.Database;
  let db: Kysely<{ notes: { id: string; owner: string | null; body: string | null } }>;
  let grouped: GroupCommit;
  const INSERT = 'insert into notes (id, owner) values (?, ?) on conflict (id) do nothing';
  const ids = () => reader.prepare('select id from notes order by id').pluck().all();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-group-'));
    const name = path.join(dir, 'group.sqlite');
    file = new SQLite(name);
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    file.exec(`create table owners (id text primary key);
      create table notes (id text primary key, owner text references owners (id) deferrable initially deferred, body text);`);
    reader = new SQLite(name, { readonly: true });
    db = new Kysely({ dialect: new SqliteDialect({ database: file }) });
    grouped = groupCommit(file, (work) => db.connection().execute(async () => work()));
  });
  afterEach(async () => {
    reader.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers each write with the rows it changed, only once another connection can read it', async () => {
    const seenAtAnswer: unknown[][] = [];
    const answers = await Promise.all(
      ['a', 'b', 'a'].map((id) =>
        grouped.run(INSERT, [id, null]).then((changes) => {
          seenAtAnswer.push(ids());
          return changes;
        }),
      ),
    );
    expect(answers).toEqual([1, 1, 0]);
    for (const seen of seenAtAnswer) expect(seen).toEqual(['a', 'b']);
  });

  it('writes nothing before the turn ends, then commits every write of the turn', async () => {
    const pending = [grouped.run(INSERT, ['x', null]), grouped.run(INSERT, ['y', null])];
    expect(ids()).toEqual([]);
    await Promise.all(pending);
    expect(ids()).toEqual(['x', 'y']);
  });

  it('undoes a failing write alone: the others of its group are kept and their callers answered', async () => {
    const results = await Promise.allSettled([grouped.run(INSERT, ['kept-1', null]), grouped.run('insert into notes (id, owner) values (?, ?, ?)', ['bad', null, 1]), grouped.run(INSERT, ['kept-2', null])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/values/);
    expect(ids()).toEqual(['kept-1', 'kept-2']);
  });

  it('is one transaction: when its commit fails, every write of the group is refused and none is kept', async () => {
    // The owner check is deferred to the commit, so the savepoint of 'orphan' succeeds and the commit fails.
    const results = await Promise.allSettled([grouped.run(INSERT, ['first', null]), grouped.run(INSERT, ['orphan', 'nobody']), grouped.run(INSERT, ['last', null])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(ids()).toEqual([]);
    // The store carries on: the next group commits.
    await grouped.run(INSERT, ['after', null]);
    expect(ids()).toEqual(['after']);
  });

  it('tells each caller the truth when the disk is full: a write answered as kept is kept, one refused is not', async () => {
    await grouped.run(INSERT, ['before', null]);
    const pages = Number(file.pragma('page_count', { simple: true }));
    file.pragma(`max_page_count = ${pages + 2}`);
    const big = 'x'.repeat(64 * 1024);
    const written = ['small-1', 'huge', 'small-2'];
    const results = await Promise.allSettled(written.map((id) => grouped.run('insert into notes (id, body) values (?, ?)', [id, id === 'huge' ? big : null])));
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    const kept = new Set(ids());
    written.forEach((id, i) => expect(kept.has(id), id).toBe(results[i]?.status === 'fulfilled'));
    expect(kept.has('before')).toBe(true);
  });

  it('never commits inside a transaction another caller holds open: it waits, and outlives that one’s rollback', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into notes (id, owner) values ('rolled-back', null)`.execute(trx);
        await held;
        throw new Error('changed my mind');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const write = grouped.run(INSERT, ['mine', null]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids()).toEqual([]);
    release();
    expect(await transaction).toBe('changed my mind');
    expect(await write).toBe(1);
    expect(ids()).toEqual(['mine']);
  });
});
