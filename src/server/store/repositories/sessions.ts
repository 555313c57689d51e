import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { precompiled } from '../precompiled';

export interface LiveSession {
  personId: string;
  role: 'person' | 'therapist';
  lastSeenAt: string;
}

export function sessionsRepository(db: Kysely<Database>) {
  // Every request with a session cookie runs this one.
  const findLive = precompiled(db, ['tokenHash', 'now'], (p: { tokenHash: string; now: string }) =>
    db
      .selectFrom('sessions')
      .innerJoin('persons', 'persons.id', 'sessions.person_id')
      .select(['sessions.person_id', 'sessions.last_seen_at', 'sessions.created_at', 'persons.role'])
      .where('token_hash', '=', p.tokenHash)
      .where('expires_at', '>', p.now),
  );
  return {
    async insert(tokenHash: string, personId: string, createdAt: string, expiresAt: string): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, person_id: personId, created_at: createdAt, expires_at: expiresAt, last_seen_at: createdAt })
        .execute();
    },
    /** The session when it has neither passed its absolute end (`now`) nor been idle since `idleSince`. */
    async findLive(tokenHash: string, now: string, idleSince: string): Promise<LiveSession | undefined> {
      const [row] = (await findLive({ tokenHash, now })).rows;
      if (!row) return undefined;
      const lastSeenAt = row.last_seen_at ?? row.created_at;
      return lastSeenAt > idleSince ? { personId: row.person_id, role: row.role, lastSeenAt } : undefined;
    },
    async touch(tokenHash: string, now: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
    },
    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    /** Ends every session of a person, except the one of `keepTokenHash` when given. */
    async deleteForPerson(personId: string, keepTokenHash?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('person_id', '=', personId);
      if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
      await query.execute();
    },
    /** Keeps only the `keep` most recently used sessions of a person. */
    async trimForPerson(personId: string, keep: number): Promise<void> {
      const kept = db.selectFrom('sessions').select('token_hash').where('person_id', '=', personId).orderBy('last_seen_at', 'desc').orderBy('created_at', 'desc').limit(keep);
      await db.deleteFrom('sessions').where('person_id', '=', personId).where('token_hash', 'not in', kept).execute();
    },
    /** Deletes sessions past their absolute end, or idle since `idleSince`. */
    async deleteExpired(now: string, idleSince: string): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince), eb.and([eb('last_seen_at', 'is', null), eb('created_at', '<=', idleSince)])]))
        .execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
