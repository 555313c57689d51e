import { sql } from 'kysely';
import type { Store } from '../store';

/** Every row of every table of the store's own schema (migration bookkeeping too), as text: to prove what is left. */
export async function dumpEveryTable(store: Store): Promise<Record<string, string>> {
  const names =
    store.kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(store.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db);
  const dump: Record<string, string> = {};
  for (const { name } of names.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db);
    dump[name] = JSON.stringify(rows.rows);
  }
  return dump;
}
