import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Removes a person for good. Every table that holds a person's records references `persons` (or one of their
 * episodes) with ON DELETE CASCADE, so deleting the person row takes episodes, records, sessions and links with
 * it on both databases; the rate-limit counters name the person by id or email in their key and go too.
 */
export function accountErasureRepository(db: Kysely<Database>) {
  return {
    async erase(personId: string, email: string | null): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const keys = [`credentialsPerPerson:${personId}`, ...(email ? [`signInPerEmail:${email}`] : [])];
        await trx.deleteFrom('rate_limits').where('key', 'in', keys).execute();
        await trx.deleteFrom('persons').where('id', '=', personId).execute();
      });
    },
  };
}
export type AccountErasureRepository = ReturnType<typeof accountErasureRepository>;
