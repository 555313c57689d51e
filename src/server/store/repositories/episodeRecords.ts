import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { GroupCommit } from '../groupCommit';

/** Tables of records that belong to one episode of one person and are written with client-made ids. */
type EpisodeRecordTable = 'session_logs' | 'movements' | 'comfort_logs' | 'posture_checks';
interface EpisodeRecord {
  id: string;
  episode_id: string;
  person_id: string;
  created_at: string;
  updated_at: string;
}

/**
 * The shared queries of those tables: find, list by time, insert once, correct, remove. Every query is scoped to its
 * owner. `grouped`: SQLite's group commit, which inserts (a walk, a break, a session) go through when given.
 */
export function episodeRecordsRepository<T extends EpisodeRecordTable>(db: Kysely<Database>, table: T, timeColumn: keyof Database[T] & string, grouped: GroupCommit | null = null) {
  type Row = Database[T] & EpisodeRecord;
  // Kysely cannot type a table chosen by a parameter: the queries see it as one generic table of records,
  // and the row type is restored at this one boundary.
  const q = db as unknown as Kysely<{ records: EpisodeRecord }>;
  const records = table as unknown as 'records';
  return {
    async findById(id: string): Promise<Row | undefined> {
      return (await q.selectFrom(records).selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Row | undefined;
    },
    /** `since`: only records whose time is at or after this canonical UTC instant. */
    async listForEpisode(personId: string, episodeId: string, since?: string): Promise<Row[]> {
      return (await q
        .selectFrom(records)
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('person_id', '=', personId)
        .$if(since !== undefined, (qb) => qb.where(timeColumn as keyof EpisodeRecord, '>=', since ?? ''))
        .orderBy(timeColumn as keyof EpisodeRecord)
        .orderBy('id')
        .execute()) as unknown as Row[];
    },
    async insertIfAbsent(row: Row): Promise<boolean> {
      const insert = q.insertInto(records).values(row).onConflict((oc) => oc.column('id').doNothing()).compile();
      if (grouped) return (await grouped.run(insert.sql, insert.parameters)) > 0;
      return Number((await db.executeQuery(insert)).numAffectedRows ?? 0) > 0;
    },
    async delete(personId: string, episodeId: string, id: string): Promise<void> {
      await q.deleteFrom(records).where('id', '=', id).where('episode_id', '=', episodeId).where('person_id', '=', personId).execute();
    },
    async update(personId: string, id: string, changes: Partial<Omit<Row, keyof EpisodeRecord>> & { updated_at: string }): Promise<void> {
      await q.updateTable(records).set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
  };
}
export type EpisodeRecordsRepository<T extends EpisodeRecordTable> = ReturnType<typeof episodeRecordsRepository<T>>;
