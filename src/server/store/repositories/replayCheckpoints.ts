import { PostgresAdapter, type Kysely } from 'kysely';
import { episodeGeneration } from './generation';

/** The columns of migrations 0014 and 0019 this repository alone reads and writes. */
interface ReplayTables {
  episodes: { id: string; replay_generation: number; updated_at: string };
  episode_writes: { episode_id: string; shard: number; writes: number };
  replay_checkpoints: { episode_id: string; covered_until: string; state: string; created_at: string };
}

export interface StoredCheckpoint {
  state: string;
  /** The episode's record generation when it was read: pass it back to `saveIfUnchanged`. */
  generation: number;
}

/**
 * Each episode's replay checkpoint. Triggers (migrations 0014, 0019) delete it when a record before `covered_until`
 * is written and move the episode's generation on every write; a checkpoint is saved only if the generation it was
 * worked out at still holds, under a lock no write can be in flight beside, so a write racing the save on another
 * instance wins.
 */
export function replayCheckpointsRepository(database: Kysely<unknown>) {
  const db = database as Kysely<ReplayTables>;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    /** The generation first, then the checkpoint: records read after this are at least as new as both. */
    async load(episodeId: string): Promise<{ generation: number; checkpoint: string | null }> {
      const episode = await db.selectFrom('episodes').select(episodeGeneration.as('replay_generation')).where('id', '=', episodeId).executeTakeFirst();
      const row = await db.selectFrom('replay_checkpoints').select('state').where('episode_id', '=', episodeId).executeTakeFirst();
      return { generation: Number(episode?.replay_generation ?? 0), checkpoint: row?.state ?? null };
    },
    async saveIfUnchanged(episodeId: string, generation: number, coveredUntil: string, state: string, now: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        // PostgreSQL: FOR UPDATE waits for every write in flight (each holds KEY SHARE on the row until it commits)
        // and holds new ones back until this commits. SQLite: a write takes the one write lock.
        if (postgres) await trx.selectFrom('episodes').select('id').where('id', '=', episodeId).forUpdate().execute();
        else await trx.updateTable('episodes').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', episodeId).execute();
        const episode = await trx.selectFrom('episodes').select(episodeGeneration.as('replay_generation')).where('id', '=', episodeId).executeTakeFirst();
        if (!episode || Number(episode.replay_generation) !== generation) return false;
        const row = { episode_id: episodeId, covered_until: coveredUntil, state, created_at: now };
        await trx
          .insertInto('replay_checkpoints')
          .values(row)
          .onConflict((oc) => oc.column('episode_id').doUpdateSet({ covered_until: coveredUntil, state, created_at: now }))
          .execute();
        return true;
      });
    },
  };
}
export type ReplayCheckpointsRepository = ReturnType<typeof replayCheckpointsRepository>;
