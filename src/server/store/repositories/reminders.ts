import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../database';
import type { Database, ReminderSettingsTable, RemindersTable } from '../schema';

export type ReminderRow = RemindersTable;

export function remindersRepository(db: Kysely<Database>, kind: DatabaseKind) {
  return {
    async settings(personId: string): Promise<ReminderSettingsTable | undefined> {
      return db.selectFrom('reminder_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
    },
    async putSettings(row: ReminderSettingsTable): Promise<void> {
      const { person_id: _id, ...rest } = row;
      await db.insertInto('reminder_settings').values(row).onConflict((oc) => oc.column('person_id').doUpdateSet(rest)).execute();
    },

    async insert(row: ReminderRow): Promise<void> {
      await db.insertInto('reminders').values(row).execute();
    },
    /** Takes back the reminders of these kinds not yet sent (a new sitting, a changed setting). */
    async cancelPending(personId: string, kinds: readonly ReminderRow['kind'][]): Promise<void> {
      await db.deleteFrom('reminders').where('person_id', '=', personId).where('kind', 'in', kinds).where('state', '=', 'pending').execute();
    },
    /** The person's sitting in an episode: its latest stand-up reminder, sent or not. */
    async sitting(personId: string, episodeId: string): Promise<ReminderRow | undefined> {
      return db
        .selectFrom('reminders')
        .selectAll()
        .where('person_id', '=', personId)
        .where('episode_id', '=', episodeId)
        .where('kind', '=', 'stand-up')
        .where('state', 'in', ['pending', 'sending', 'sent'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },
    /** Ends every sitting of the person (one sitting at a time, whichever episode). */
    async endSittings(personId: string): Promise<void> {
      await db.deleteFrom('reminders').where('person_id', '=', personId).where('kind', '=', 'stand-up').execute();
    },
    /** The one snooze: moves a sitting's reminder, only if it was not snoozed yet. Answers whether it moved. */
    async snooze(id: string, dueAt: string): Promise<boolean> {
      const result = await db
        .updateTable('reminders')
        .set({ due_at: dueAt, snoozed: 1, state: 'pending', claimed_by: null, claimed_at: null })
        .where('id', '=', id)
        .where('snoozed', '=', 0)
        .where('state', 'in', ['pending', 'sent'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Claims up to `limit` due reminders for `instance`, so that no other instance sends them. On PostgreSQL the
     * candidate rows are locked with FOR UPDATE SKIP LOCKED: two instances claiming at once each get different
     * rows, and a row claimed and committed by one no longer matches `state = 'pending'` for the other. SQLite has
     * one writer, so the single UPDATE is already exclusive.
     */
    async claimDue(instance: string, now: string, limit: number): Promise<ReminderRow[]> {
      const lock = kind === 'postgres' ? sql` for update skip locked` : sql``;
      const result = await sql<ReminderRow>`
        update reminders set state = 'sending', claimed_by = ${instance}, claimed_at = ${now}
        where id in (
          select id from reminders where state = 'pending' and due_at <= ${now}
          order by due_at limit ${limit}${lock}
        )
        returning *`.execute(db);
      return result.rows;
    },
    /** What happened to a claimed reminder: sent, dropped, or held until a later time (back to pending). */
    async finish(id: string, instance: string, outcome: { state: 'sent'; at: string } | { state: 'dropped' } | { state: 'pending'; dueAt: string }): Promise<void> {
      const set =
        outcome.state === 'sent'
          ? { state: 'sent' as const, sent_at: outcome.at }
          : outcome.state === 'dropped'
            ? { state: 'dropped' as const }
            : { state: 'pending' as const, due_at: outcome.dueAt, claimed_by: null, claimed_at: null };
      await db.updateTable('reminders').set(set).where('id', '=', id).where('claimed_by', '=', instance).where('state', '=', 'sending').execute();
    },
    /**
     * Claims left by an instance that stopped mid-send are dropped, never sent again: a reminder may be missed
     * after a crash, but it is never sent twice. Old sent and dropped rows are forgotten.
     */
    async tidy(claimedBefore: string, finishedBefore: string): Promise<void> {
      await db.updateTable('reminders').set({ state: 'dropped' }).where('state', '=', 'sending').where('claimed_at', '<', claimedBefore).execute();
      await db.deleteFrom('reminders').where('state', 'in', ['sent', 'dropped']).where('due_at', '<', finishedBefore).where('kind', '!=', 'stand-up').execute();
    },
  };
}
export type RemindersRepository = ReturnType<typeof remindersRepository>;
