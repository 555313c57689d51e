import type { Kysely } from 'kysely';
import type { Database, PersonsTable } from '../schema';

export type PersonRow = PersonsTable;

export function personsRepository(db: Kysely<Database>) {
  return {
    async insert(row: PersonRow): Promise<void> {
      await db.insertInto('persons').values(row).execute();
    },
    /** Inserts an account with an email; false when the email is taken (also when two sign-ups race). */
    async insertIfEmailFree(row: PersonRow): Promise<boolean> {
      try {
        await db.insertInto('persons').values(row).execute();
        return true;
      } catch (error) {
        if (await db.selectFrom('persons').select('id').where('email', '=', row.email).executeTakeFirst()) return false;
        throw error;
      }
    },
    async findById(id: string): Promise<PersonRow | undefined> {
      return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findByEmail(email: string): Promise<PersonRow | undefined> {
      return db.selectFrom('persons').selectAll().where('email', '=', email).executeTakeFirst();
    },
    /** Sets credentials; returns false when the email already belongs to someone else. */
    async setCredentials(id: string, email: string, passwordHash: string, now: string): Promise<boolean> {
      const owner = await db.selectFrom('persons').select('id').where('email', '=', email).executeTakeFirst();
      if (owner && owner.id !== id) return false;
      await db.updateTable('persons').set({ email, password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
      return true;
    },
  };
}
export type PersonsRepository = ReturnType<typeof personsRepository>;
