import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, TestClient } from './testing/api';
import { addDays, localDateOf } from '../core/time';

const NOW = new Date('2026-11-24T18:00:00.000Z');
const ZONE = 'Pacific/Auckland';
/** The person's today (already the 25th in Auckland). */
const TODAY = localDateOf(NOW, ZONE);

/** A small seeded generator, so a failing sequence can be run again. */
function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s % n;
  };
}

/**
 * The episode's generation (migration 0019: per-connection write counts on PostgreSQL) must move on every write a
 * plan reads, so `GET …/today` (its kept reply and its checkpoint) always answers what the whole replay answers.
 */
describeEachBackend('the episode generation', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  const setUp = async () => {
    const a = await ctx.person(ZONE);
    const onset = addDays(TODAY, -12);
    const { id } = await a.createEpisode({ onsetDate: onset, painNow: 7 });
    const base = `/api/v1/episodes/${id}`;
    for (let n = 0; n < 12; n += 1) {
      expect((await a.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: `${addDays(onset, n)}T08:00:00.000Z`, painNow: 7 - Math.floor(n / 2), walkMinutes: 5 + n }))).statusCode).toBe(200);
    }
    const today = async (client: TestClient) => {
      const t = (await client.get(`${base}/today`)).json();
      return { stage: t.stage, plan: t.plan, reasons: t.reasons };
    };
    const full = async () => {
      const plan = (await a.get(`${base}/plan?date=${TODAY}`)).json();
      return { stage: plan.stage, plan: plan.items, reasons: plan.reasons };
    };
    return { a, id, base, onset, today, full };
  };

  it('moves on every write made on another instance, back-dated ones and those near the onset included', async () => {
    const { a, base, onset, today, full } = await setUp();
    const other = await buildApp({ store: ctx.store, logLevel: 'silent', clock: () => NOW });
    const b = new TestClient(other);
    b.cookie = a.cookie;
    const next = generator(20261124);
    const written: { url: string; body: unknown }[] = [];
    try {
      expect(await today(a)).toEqual(await full());
      for (let step = 0; step < 14; step += 1) {
        const kind = next(4);
        const day = addDays(onset, next(13));
        const url = kind === 3 ? `${base}/movements/${randomUUID()}` : `${base}/check-ins/${randomUUID()}`;
        // The first hours after the onset (in Auckland, the day before it in UTC) take the exact path.
        const at = next(3) === 0 ? `${addDays(onset, -1)}T${String(11 + next(12)).padStart(2, '0')}:30:00.000Z` : `${day}T${String(next(18)).padStart(2, '0')}:00:00.000Z`;
        const body = kind === 3 ? { kind: 'walk', startedAt: at, minutes: 5 + next(40) } : checkInBody({ at, painNow: next(11), painWorst24h: 10, standStraight: 'partly', walkMinutes: next(30) });
        const again = kind === 2 && written.length > 0 ? written[next(written.length)] : undefined;
        const res = again ? await b.put(again.url, again.body) : await b.put(url, body);
        // An instant before the onset in Auckland is refused, and names the field.
        if (res.statusCode === 400) expect(res.json().error.fields?.[0]?.path ?? res.json().error.issues?.[0]?.path).toMatch(/at|startedAt/);
        else expect(res.statusCode, JSON.stringify(body)).toBe(200);
        if (res.statusCode === 200 && !again) written.push({ url, body });
        expect(await today(a), `step ${step}`).toEqual(await full());
      }
    } finally {
      await other.close();
    }
  });

  it.runIf(backend.name === 'postgres')('does not keep a checkpoint saved while a back-dated write is in flight', async () => {
    const { a, id, today, full } = await setUp();
    const checkpoint = async () => (await sql<{ state: string }>`select state from replay_checkpoints where episode_id = ${id}`.execute(ctx.store.db)).rows[0]?.state ?? null;
    const episode = (await sql<{ person_id: string }>`select person_id from episodes where id = ${id}`.execute(ctx.store.db)).rows[0];
    // A write on another connection, not yet committed: a flare three days ago.
    await ctx.store.db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      await sql`insert into check_ins (id, episode_id, person_id, at, pain_now, pain_worst_24h, stand_straight, walk_minutes, regions, safety, triage, safety_at, created_at, updated_at)
        values (${randomUUID()}, ${id}, ${episode?.person_id}, ${`${addDays(TODAY, -3)}T20:00:00.000Z`}, 9, 10, 'no', 0, '[]', null, null, null, ${NOW.toISOString()}, ${NOW.toISOString()})`.execute(connection);
      const reading = today(a);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`commit`.execute(connection);
      await reading;
    });
    expect(await checkpoint()).toBeNull();
    expect(await today(a)).toEqual(await full());
  });
});
