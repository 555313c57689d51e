import { sql } from 'kysely';

/**
 * An episode's generation, in a query over `episodes`: it moves on every committed write of anything a plan reads
 * (the episode's own row aside). The row's counter plus the per-connection counts of migration 0019.
 */
export const episodeGeneration = sql<number>`(episodes.replay_generation + coalesce((select sum(episode_writes.writes) from episode_writes where episode_writes.episode_id = episodes.id), 0))`;
