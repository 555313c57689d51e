import type SQLite from 'better-sqlite3';

/**
 * SQLite commits one transaction at a time, and on this kind of machine a commit (the log frames of every page it
 * touched, written two system calls a frame, and the locks around them) costs more than the statement itself. Writes
 * that arrive in the same turn of the event loop are therefore committed together: each runs in a savepoint of its
 * own, so a write that fails is undone alone and only its caller hears of it, and every caller is answered only once
 * the one commit has happened, so a reply still means the write is on disk (as far as `synchronous = NORMAL` goes).
 */
export interface GroupCommit {
  /** Runs one parameterised write in the next group; resolves to the rows it changed, once the group is committed. */
  run(sqlText: string, parameters: readonly unknown[]): Promise<number>;
}

interface Pending {
  sqlText: string;
  parameters: readonly unknown[];
  resolve(changes: number): void;
  reject(error: unknown): void;
}

/** Distinct statements kept prepared (the app queues a handful). */
const STATEMENTS_KEPT = 100;
/** Above this many waiting writes a group is committed at once rather than at the end of the turn. */
const MOST_IN_A_GROUP = 256;

/**
 * `exclusive` runs its work while the store's connection is held (Kysely's own lock), so a group is never committed
 * inside a transaction that another request has open between its awaits.
 */
export function groupCommit(file: SQLite.Database, exclusive: (work: () => void) => Promise<void>): GroupCommit {
  const statements = new Map<string, SQLite.Statement>();
  let waiting: Pending[] = [];
  let scheduled = false;

  const statementFor = (sqlText: string) => {
    let statement = statements.get(sqlText);
    if (!statement) {
      statement = file.prepare(sqlText);
      if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value as string);
      statements.set(sqlText, statement);
    }
    return statement;
  };

  const commitGroup = (group: Pending[]) => {
    const outcomes: ({ changes: number } | { error: unknown })[] = [];
    try {
      file.transaction(() => {
        for (const write of group) {
          try {
            outcomes.push({ changes: file.transaction(() => statementFor(write.sqlText).run(...write.parameters).changes)() });
          } catch (error) {
            // Some failures (a full disk, an I/O error) make SQLite roll back the whole transaction: the writes before
            // this one are gone too, so the group fails as one rather than answer them as kept.
            if (!file.inTransaction) throw error;
            outcomes.push({ error });
          }
        }
      }).immediate();
    } catch (error) {
      // The commit itself failed (a full disk, say): nothing of the group was kept.
      for (const write of group) write.reject(error);
      return;
    }
    group.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome && 'changes' in outcome) write.resolve(outcome.changes);
      else write.reject(outcome?.error);
    });
  };

  const flush = () => {
    scheduled = false;
    const group = waiting;
    waiting = [];
    if (group.length === 0) return;
    exclusive(() => commitGroup(group)).catch((error: unknown) => {
      for (const write of group) write.reject(error);
    });
  };

  return {
    run(sqlText, parameters) {
      return new Promise<number>((resolve, reject) => {
        waiting.push({ sqlText, parameters, resolve, reject });
        if (waiting.length >= MOST_IN_A_GROUP) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
