import type { Kysely } from 'kysely';
import type { Database, EpisodesTable } from '../schema';
import { precompiled } from '../precompiled';
import { episodeGeneration } from './generation';

export type EpisodeRow = EpisodesTable;
/** An episode with its owner's time zone and its generation. */
export type EpisodeInZone = EpisodeRow & { time_zone: string; replay_generation: number };

export function episodesRepository(db: Kysely<Database>) {
  // Every route of an episode reads it so (and a kept Today needs nothing more).
  const findOwnedWithZone = precompiled(db, ['id', 'personId'], (p: { id: string; personId: string }) =>
    db
      .selectFrom('episodes')
      .innerJoin('persons', 'persons.id', 'episodes.person_id')
      .selectAll('episodes')
      .select(['persons.time_zone', episodeGeneration.as('replay_generation')])
      .where('episodes.id', '=', p.id)
      .where('episodes.person_id', '=', p.personId),
  );
  return {
    async findById(id: string): Promise<EpisodeRow | undefined> {
      return db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Who an episode belongs to (for the one check that lets a linked therapist act for them). */
    async ownerOf(id: string): Promise<string | undefined> {
      return (await db.selectFrom('episodes').select('person_id').where('id', '=', id).executeTakeFirst())?.person_id;
    },
    /** Scoped to its owner: another person's episode is simply not found. */
    async findOwned(personId: string, id: string): Promise<EpisodeRow | undefined> {
      return db.selectFrom('episodes').selectAll().where('id', '=', id).where('person_id', '=', personId).executeTakeFirst();
    },
    /** As findOwned, with the owner's time zone and the episode's generation (bumped by every write a plan reads; migrations 0014, 0018, 0019). */
    async findOwnedWithZone(personId: string, id: string): Promise<EpisodeInZone | undefined> {
      return (await findOwnedWithZone({ id, personId })).rows[0];
    },
    async listOwned(personId: string): Promise<EpisodeRow[]> {
      return db.selectFrom('episodes').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('id').execute();
    },
    /** Inserts unless the id exists; returns whether it inserted. */
    async insertIfAbsent(row: EpisodeRow): Promise<boolean> {
      const result = await db.insertInto('episodes').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(personId: string, id: string, changes: Partial<Omit<EpisodeRow, 'id' | 'person_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('episodes').set(changes).where('id', '=', id).where('person_id', '=', personId).execute();
    },
  };
}
export type EpisodesRepository = ReturnType<typeof episodesRepository>;
