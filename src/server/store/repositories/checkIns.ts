import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { CheckInsTable, Database } from '../schema';
import { compiledOnce } from '../precompiled';
import type { GroupCommit } from '../groupCommit';
import { episodesRepository, type EpisodeInZone } from './episodes';
import { episodeGeneration } from './generation';

export type CheckInRow = CheckInsTable;

const COLUMNS = ['id', 'episode_id', 'person_id', 'at', 'pain_now', 'pain_worst_24h', 'stand_straight', 'walk_minutes', 'regions', 'safety', 'triage', 'safety_at', 'created_at', 'updated_at'] as const satisfies readonly (keyof CheckInRow)[];

const INTEGER_COLUMNS = new Set<string>(['pain_now', 'pain_worst_24h', 'walk_minutes']);
/** Taken from the episode row the statement found, never from the caller. */
const FROM_EPISODE = { episode_id: 'ep.id', person_id: 'ep.person_id' } as Partial<Record<keyof CheckInRow, string>>;
const GIVEN = COLUMNS.filter((column) => !(column in FROM_EPISODE));

/**
 * PostgreSQL: the episode (with its owner's zone and generation) read and the check-in inserted in one statement,
 * so a new check-in costs one round trip after the session's. It is inserted only into the person's own episode and
 * only when `onset_date <= surelyFrom` (the caller's proof that `at` falls within the episode in any time zone).
 */
function insertIntoOwnedStatement(db: Kysely<Database>): string {
  const values = COLUMNS.map((column) => FROM_EPISODE[column] ?? `$${GIVEN.indexOf(column) + 3}${INTEGER_COLUMNS.has(column) ? '::integer' : ''}`);
  return `with ep as (
  select episodes.*, persons.time_zone, ${episodeGeneration.compile(db).sql} as replay_generation from episodes inner join persons on persons.id = episodes.person_id
  where episodes.id = $1 and episodes.person_id = $2
), ins as (
  insert into check_ins (${COLUMNS.join(', ')}) select ${values.join(', ')} from ep where ep.onset_date <= $${GIVEN.length + 3}
  on conflict (id) do nothing returning 1
)
select ep.*, (select count(*) from ins) as inserted from ep`;
}

/** `grouped`: SQLite's group commit, which the insert (the write a person makes most) goes through when given. */
export function checkInsRepository(db: Kysely<Database>, grouped: GroupCommit | null = null) {
  const insertIfAbsent = compiledOnce(COLUMNS, (row: CheckInRow) => db.insertInto('check_ins').values(row).onConflict((oc) => oc.column('id').doNothing()));
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const episodes = episodesRepository(db);
  const combined = postgres ? insertIntoOwnedStatement(db) : '';
  const insertRow = async (row: CheckInRow) => {
    const parameters = insertIfAbsent.bind(row);
    if (grouped) return (await grouped.run(insertIfAbsent.sql, parameters)) > 0;
    return Number((await db.executeQuery(CompiledQuery.raw(insertIfAbsent.sql, parameters))).numAffectedRows ?? 0) > 0;
  };
  return {
    /**
     * The person's episode `row.episode_id` (undefined when it is not theirs), and whether `row` was inserted: it is
     * when the id is new and `surelyFrom` (null: never) is a date on or after the episode's onset.
     */
    async insertIntoOwned(row: CheckInRow, surelyFrom: string | null): Promise<{ episode: EpisodeInZone; inserted: boolean } | undefined> {
      if (!postgres) {
        const episode = await episodes.findOwnedWithZone(row.person_id, row.episode_id);
        if (!episode) return undefined;
        const inserted = surelyFrom !== null && episode.onset_date <= surelyFrom && (await insertRow(row));
        return { episode, inserted };
      }
      const parameters = [row.episode_id, row.person_id, ...GIVEN.map((column) => row[column]), surelyFrom];
      const [found] = (await db.executeQuery<EpisodeInZone & { inserted: string | number }>(CompiledQuery.raw(combined, parameters))).rows;
      if (!found) return undefined;
      const { inserted, ...episode } = found;
      return { episode, inserted: Number(inserted) > 0 };
    },
    async findById(id: string): Promise<CheckInRow | undefined> {
      return db.selectFrom('check_ins').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** `since`: only check-ins at or after this canonical UTC instant (a replay resumed from a checkpoint needs no more). */
    async listForEpisode(personId: string, episodeId: string, since?: string): Promise<CheckInRow[]> {
      return db
        .selectFrom('check_ins')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('person_id', '=', personId)
        .$if(since !== undefined, (q) => q.where('at', '>=', since ?? ''))
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    async insertIfAbsent(row: CheckInRow): Promise<boolean> {
      return insertRow(row);
    },
    async update(personId: string, id: string, changes: Partial<Omit<CheckInRow, 'id' | 'person_id' | 'episode_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('check_ins').set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
  };
}
export type CheckInsRepository = ReturnType<typeof checkInsRepository>;
