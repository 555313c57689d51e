import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';

/** Marks a value the caller fills in; no value the app stores starts with a NUL character. */
const MARK = '\u0000unclench-parameter:';

/**
 * A statement built once with Kysely and then run with new values. Kysely builds and compiles a query on every call,
 * and on the hottest paths (the session lookup of every request, the episode read and the check-in insert) that
 * cost more than the database's own work. `build` is called once with a marker for each named value; the SQL text
 * and the position of each marker are kept, and every run binds the caller's values in those positions.
 */
export function precompiled<DB, P extends object, R>(db: Kysely<DB>, names: readonly (keyof P & string)[], build: (values: P) => Compilable<R>) {
  const statement = compiledOnce(names, build);
  return (values: P): Promise<QueryResult<R>> => db.executeQuery<R>(CompiledQuery.raw(statement.sql, statement.bind(values)) as CompiledQuery<R>);
}

/** The SQL text of `build`'s statement, and the parameters it takes for given values (see `precompiled`). */
export function compiledOnce<P extends object, R>(names: readonly (keyof P & string)[], build: (values: P) => Compilable<R>): { sql: string; bind(values: P): unknown[] } {
  const marks = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as unknown as P;
  const compiled = build(marks).compile();
  type Slot = { name: keyof P & string } | { value: unknown };
  const slots = compiled.parameters.map((value): Slot => (typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) as keyof P & string } : { value }));
  for (const name of names) {
    if (!slots.some((s) => 'name' in s && s.name === name)) throw new Error(`precompiled: the value ${name} is not a parameter of ${compiled.sql}`);
  }
  return { sql: compiled.sql, bind: (values) => slots.map((s) => ('name' in s ? values[s.name] : s.value)) };
}
