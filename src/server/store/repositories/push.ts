import type { Kysely } from 'kysely';
import type { Database, PushSubscriptionsTable, PushVapidKeysTable } from '../schema';

const VAPID_ROW = 'vapid';

export function pushRepository(db: Kysely<Database>) {
  return {
    /**
     * The service's VAPID key pair. The first instance to start stores the pair it made; every other instance
     * (and every later start) reads that same pair back, so subscriptions made through any instance keep working.
     */
    async vapidKeys(make: () => { publicKey: string; privateKey: string }, now: string): Promise<PushVapidKeysTable> {
      const existing = await db.selectFrom('push_vapid_keys').selectAll().where('id', '=', VAPID_ROW).executeTakeFirst();
      if (existing) return existing;
      const made = make();
      await db
        .insertInto('push_vapid_keys')
        .values({ id: VAPID_ROW, public_key: made.publicKey, private_key: made.privateKey, created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return db.selectFrom('push_vapid_keys').selectAll().where('id', '=', VAPID_ROW).executeTakeFirstOrThrow();
    },

    /** Stores a device's subscription. An endpoint reaches one device, so it is taken from anyone else who had it. */
    async putSubscription(row: PushSubscriptionsTable): Promise<PushSubscriptionsTable> {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('push_subscriptions').where('endpoint', '=', row.endpoint).where('person_id', '!=', row.person_id).execute();
        await trx.deleteFrom('push_subscriptions').where('person_id', '=', row.person_id).where('endpoint', '=', row.endpoint).where('id', '!=', row.id).execute();
        await trx
          .insertInto('push_subscriptions')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['person_id', 'id']).doUpdateSet({ endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth, expiration_time: row.expiration_time, updated_at: row.updated_at }),
          )
          .execute();
        return trx.selectFrom('push_subscriptions').selectAll().where('person_id', '=', row.person_id).where('id', '=', row.id).executeTakeFirstOrThrow();
      });
    },
    /**
     * The person's device that had `oldEndpoint` takes the new subscription, under the same id; the old endpoint is
     * gone with it. As when storing one, the new endpoint is taken from anyone else who had it. When no device of
     * theirs has the old endpoint, the one that already has the new endpoint (a retried change) takes it; when none
     * has either, undefined.
     */
    async replaceEndpoint(personId: string, oldEndpoint: string, next: Pick<PushSubscriptionsTable, 'endpoint' | 'p256dh' | 'auth' | 'expiration_time' | 'updated_at'>): Promise<PushSubscriptionsTable | undefined> {
      return db.transaction().execute(async (trx) => {
        const mine = (endpoint: string) => trx.selectFrom('push_subscriptions').selectAll().where('person_id', '=', personId).where('endpoint', '=', endpoint).orderBy('id').executeTakeFirst();
        const current = (await mine(oldEndpoint)) ?? (await mine(next.endpoint));
        if (!current) return undefined;
        await trx.deleteFrom('push_subscriptions').where('endpoint', '=', next.endpoint).where('person_id', '!=', personId).execute();
        await trx.deleteFrom('push_subscriptions').where('person_id', '=', personId).where('endpoint', 'in', [oldEndpoint, next.endpoint]).where('id', '!=', current.id).execute();
        await trx.updateTable('push_subscriptions').set(next).where('person_id', '=', personId).where('id', '=', current.id).execute();
        return trx.selectFrom('push_subscriptions').selectAll().where('person_id', '=', personId).where('id', '=', current.id).executeTakeFirstOrThrow();
      });
    },
    async deleteSubscription(personId: string, id: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('person_id', '=', personId).where('id', '=', id).execute();
    },
    async deleteForPerson(personId: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('person_id', '=', personId).execute();
    },
    /** A subscription the push service says is gone (404/410): removed whoever holds it. */
    async deleteEndpoint(endpoint: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
    },
    async subscriptionsOf(personId: string): Promise<PushSubscriptionsTable[]> {
      return db.selectFrom('push_subscriptions').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
    },
  };
}
export type PushRepository = ReturnType<typeof pushRepository>;
