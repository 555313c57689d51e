import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, TestClient } from './testing/api';
import { addDays } from '../core/time';

const NOW = new Date('2026-11-24T18:00:00.000Z');
const TODAY = '2026-11-24';

/**
 * `GET …/today` resumes the replay from a stored checkpoint, and what it answers is always what the whole replay
 * answers (`GET …/plan?date=` replays in full): after a back-dated check-in that changes an earlier day too, written
 * through a second server instance on the same database.
 */
describeEachBackend('replay checkpoints', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('resumes from yesterday, and a back-dated write on another instance makes the checkpoint stale', async () => {
    const a = await ctx.person('Europe/London');
    const onset = addDays(TODAY, -40);
    const { id } = await a.createEpisode({ onsetDate: onset, painNow: 7 });
    const base = `/api/v1/episodes/${id}`;
    for (let n = 0; n < 40; n += 1) {
      const pain = Math.max(1, 7 - Math.floor(n / 5));
      const res = await a.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: `${addDays(onset, n)}T08:00:00.000Z`, painNow: pain, painWorst24h: pain + 1, standStraight: pain > 5 ? 'partly' : 'yes', walkMinutes: 5 + n }));
      expect(res.statusCode).toBe(200);
    }
    const checkpoint = async () =>
      (await sql<{ state: string }>`select state from replay_checkpoints where episode_id = ${id}`.execute(ctx.store.db)).rows[0]?.state ?? null;
    const full = async (client: TestClient) => {
      const plan = (await client.get(`${base}/plan?date=${TODAY}`)).json();
      return { stage: plan.stage, plan: plan.items, reasons: plan.reasons };
    };
    const today = async (client: TestClient) => {
      const t = (await client.get(`${base}/today`)).json();
      return { stage: t.stage, plan: t.plan, reasons: t.reasons };
    };

    expect(await checkpoint()).toBeNull();
    const first = await today(a);
    expect(first).toEqual(await full(a));
    const saved = await checkpoint();
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ date: addDays(TODAY, -1) });
    // Resumed: the same answer, and the checkpoint is kept.
    expect(await today(a)).toEqual(first);
    expect(await checkpoint()).toBe(saved);

    // Today's own check-in is after the checkpoint: it stays, and today's answer still matches the whole replay.
    expect((await a.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-24T09:00:00.000Z', painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 45 }))).statusCode).toBe(200);
    expect(await checkpoint()).toBe(saved);
    expect(await today(a)).toEqual(await full(a));

    // A second instance on the same database takes a back-dated check-in: a flare two days ago.
    const other = await buildApp({ store: ctx.store, logLevel: 'silent', clock: () => NOW });
    try {
      const b = new TestClient(other);
      b.cookie = a.cookie;
      const backDated = await b.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: `${addDays(TODAY, -2)}T20:00:00.000Z`, painNow: 9, painWorst24h: 10, standStraight: 'no', walkMinutes: 0 }));
      expect(backDated.statusCode).toBe(200);
      expect(await checkpoint()).toBeNull();
      const after = await today(a);
      expect(after).toEqual(await full(b));
      expect(after).not.toEqual(first);
      expect(await checkpoint()).not.toBeNull();
      // Removing a session or a movement of an earlier day makes it stale as well.
      const walkId = randomUUID();
      expect((await b.put(`${base}/movements/${walkId}`, { kind: 'walk', startedAt: `${addDays(TODAY, -3)}T12:00:00.000Z`, minutes: 90 })).statusCode).toBe(200);
      expect(await checkpoint()).toBeNull();
      expect(await today(a)).toEqual(await full(a));
      expect(await checkpoint()).not.toBeNull();
      expect((await b.delete(`${base}/movements/${walkId}`)).statusCode).toBe(204);
      expect(await checkpoint()).toBeNull();
      expect(await today(b)).toEqual(await full(a));
    } finally {
      await other.close();
    }
  });
});
