import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export function rateLimitsRepository(db: Kysely<Database>) {
  return {
    /**
     * Counts one attempt for `key` in one atomic statement (safe across instances): a window that began at or
     * before `windowStartedBefore` restarts at `now` with a count of 1. Returns the count and the window's start.
     */
    async hit(key: string, now: string, windowStartedBefore: string): Promise<{ count: number; windowStart: string }> {
      const expired = sql<boolean>`rate_limits.window_start <= ${windowStartedBefore}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_start: sql<string>`case when ${expired} then ${now} else rate_limits.window_start end`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), windowStart: row.window_start };
    },
    /** Forgets counters whose window began at or before `before`. */
    async deleteStale(before: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('window_start', '<=', before).execute();
    },
  };
}
export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
