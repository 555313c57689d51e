import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export function sessionsRepository(db: Kysely<Database>) {
  return {
    async insert(tokenHash: string, personId: string, createdAt: string, expiresAt: string): Promise<void> {
      await db.insertInto('sessions').values({ token_hash: tokenHash, person_id: personId, created_at: createdAt, expires_at: expiresAt }).execute();
    },
    /** The person of a live session, or undefined. */
    async findPersonId(tokenHash: string, now: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select('person_id')
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.person_id;
    },
    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
