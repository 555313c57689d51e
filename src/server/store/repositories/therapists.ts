import type { Kysely } from 'kysely';
import type { AccessLogTable, Database, InvitesTable, PlanEditsTable, TherapistLinksTable } from '../schema';

export type InviteRow = InvitesTable;
export type LinkRow = TherapistLinksTable;
export type AccessLogRow = AccessLogTable;
export type PlanEditRow = PlanEditsTable;

/** A live link with both sides' names and emails, as lists show it. */
export interface LinkView extends LinkRow {
  therapist_name: string | null;
  therapist_email: string | null;
  person_email: string | null;
}

/** Invites, links between a person and a therapist, the access log and plan edits. */
export function therapistsRepository(db: Kysely<Database>) {
  const linkViews = () =>
    db
      .selectFrom('therapist_links')
      .innerJoin('persons as t', 't.id', 'therapist_links.therapist_id')
      .innerJoin('persons as p', 'p.id', 'therapist_links.person_id')
      .selectAll('therapist_links')
      .select(['t.name as therapist_name', 't.email as therapist_email', 'p.email as person_email'])
      .where('therapist_links.revoked_at', 'is', null);

  return {
    /** Creates or replaces the person's invite of this id; false when the id is another person's. */
    async putInvite(row: InviteRow): Promise<boolean> {
      const existing = await db.selectFrom('invites').select('person_id').where('id', '=', row.id).executeTakeFirst();
      if (existing && existing.person_id !== row.person_id) return false;
      if (existing) {
        await db
          .updateTable('invites')
          .set({ code_hash: row.code_hash, scopes: row.scopes, person_name: row.person_name, expires_at: row.expires_at, redeemed_at: null })
          .where('id', '=', row.id)
          .execute();
      } else {
        await db.insertInto('invites').values(row).execute();
      }
      return true;
    },

    /**
     * Redeems a live invite once: marks it used and links the therapist, in one transaction, so two therapists
     * racing for one code cannot both win. A therapist already linked to the person gets the new scopes on the
     * same link. Returns the link id, or null when the code names no live invite.
     */
    async redeem(codeHash: string, therapistId: string, now: string, newLinkId: string): Promise<string | null> {
      return db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('invites')
          .set({ redeemed_at: now })
          .where('code_hash', '=', codeHash)
          .where('redeemed_at', 'is', null)
          .where('expires_at', '>', now)
          .returningAll()
          .executeTakeFirst();
        if (!claimed || claimed.person_id === therapistId) return null;
        const current = await trx
          .selectFrom('therapist_links')
          .select('id')
          .where('person_id', '=', claimed.person_id)
          .where('therapist_id', '=', therapistId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (current) {
          await trx.updateTable('therapist_links').set({ scopes: claimed.scopes, person_name: claimed.person_name }).where('id', '=', current.id).execute();
          return current.id;
        }
        await trx
          .insertInto('therapist_links')
          .values({ id: newLinkId, person_id: claimed.person_id, therapist_id: therapistId, scopes: claimed.scopes, person_name: claimed.person_name, created_at: now, revoked_at: null })
          .execute();
        return newLinkId;
      });
    },

    async linkView(id: string): Promise<LinkView | undefined> {
      return linkViews().where('therapist_links.id', '=', id).executeTakeFirst();
    },
    /** Live links where the caller is either side, oldest first. */
    async linksOf(accountId: string): Promise<LinkView[]> {
      return linkViews()
        .where((eb) => eb.or([eb('therapist_links.person_id', '=', accountId), eb('therapist_links.therapist_id', '=', accountId)]))
        .orderBy('therapist_links.created_at')
        .orderBy('therapist_links.id')
        .execute();
    },
    /** The live link from a person to a therapist. */
    async liveLink(personId: string, therapistId: string): Promise<LinkView | undefined> {
      return linkViews().where('therapist_links.person_id', '=', personId).where('therapist_links.therapist_id', '=', therapistId).executeTakeFirst();
    },
    /** Ends a live link the caller is a side of; false when there is none. */
    async revoke(id: string, accountId: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('therapist_links')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('person_id', '=', accountId), eb('therapist_id', '=', accountId)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async logAccess(row: AccessLogRow): Promise<void> {
      await db.insertInto('access_log').values(row).execute();
    },
    /** The person's access log for one episode (and what was not about one episode), newest first. */
    async accessLog(personId: string, episodeId: string): Promise<AccessLogRow[]> {
      return db
        .selectFrom('access_log')
        .selectAll()
        .where('person_id', '=', personId)
        .where((eb) => eb.or([eb('episode_id', '=', episodeId), eb('episode_id', 'is', null)]))
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /** Creates or replaces a plan edit; false when the id belongs to another episode. */
    async putPlanEdit(row: PlanEditRow): Promise<boolean> {
      const existing = await db.selectFrom('plan_edits').select(['episode_id']).where('id', '=', row.id).executeTakeFirst();
      if (existing && existing.episode_id !== row.episode_id) return false;
      if (existing) {
        await db
          .updateTable('plan_edits')
          .set({ therapist_id: row.therapist_id, therapist_name: row.therapist_name, kind: row.kind, detail: row.detail, updated_at: row.updated_at, undone_at: null })
          .where('id', '=', row.id)
          .execute();
      } else {
        await db.insertInto('plan_edits').values(row).execute();
      }
      return true;
    },
    async planEdit(episodeId: string, id: string): Promise<PlanEditRow | undefined> {
      return db.selectFrom('plan_edits').selectAll().where('id', '=', id).where('episode_id', '=', episodeId).executeTakeFirst();
    },
    /** Edits in force for an episode, oldest first (the order they apply in). */
    async planEditsInForce(episodeId: string): Promise<PlanEditRow[]> {
      return db.selectFrom('plan_edits').selectAll().where('episode_id', '=', episodeId).where('undone_at', 'is', null).orderBy('updated_at').orderBy('id').execute();
    },
    /** Undoes an edit in force; false when there is none of that id in the episode. */
    async undoPlanEdit(episodeId: string, id: string, now: string): Promise<boolean> {
      const result = await db.updateTable('plan_edits').set({ undone_at: now }).where('id', '=', id).where('episode_id', '=', episodeId).where('undone_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type TherapistsRepository = ReturnType<typeof therapistsRepository>;
