import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, type TestClient } from './testing/api';
import { freshAnswer, weekOnTwoInstances } from './testing/keptReplies';
import { addDays } from '../core/time';
import type { Today } from '../contract';

const DAY_MS = 86_400_000;

/**
 * `GET …/today` keeps its last reply per episode while nothing it reads has changed (src/server/services/replyCache.ts).
 * Every kind of write that can change it, made through a second instance on the same database, must show at once on
 * the first: what it answers is always what a fresh instance, with nothing kept, works out.
 */
describeEachBackend('Today kept between writes', (backend) => {
  let now = new Date(Date.now() - (Date.now() % DAY_MS) + 15 * 3_600_000 - DAY_MS);
  const ctx = appUnderTest(backend, () => now);
  const instance = () => buildApp({ store: ctx.store, logLevel: 'silent', clock: () => now });

  it('answers what a fresh instance works out after every kind of write, made on another instance', async () => {
    const a = await ctx.person('UTC');
    const { base, today, other, b, pt } = await weekOnTwoInstances(a, now, instance);
    const todayOf = async (client: TestClient) => {
      const res = await client.get(`${base}/today`);
      expect(res.statusCode).toBe(200);
      return res.json() as Today;
    };
    const fresh = () => freshAnswer<Today>(instance, a.cookie, `${base}/today`);
    try {
      let last = await todayOf(a);
      expect(await todayOf(a)).toEqual(last);
      expect(last).toEqual(await fresh());
      const ids = (t: Today) => t.plan.flatMap((i) => (i.kind === 'session' ? i.exercises.map((e) => e.exerciseId) : []));

      const noteId = randomUUID();
      const steps: { name: string; write: () => Promise<number>; changes?: boolean }[] = [
        { name: 'a check-in', write: async () => (await b.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: new Date(now.getTime() - 3_600_000).toISOString(), painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 30 }))).statusCode },
        { name: 'a walk', write: async () => (await b.put(`${base}/movements/${randomUUID()}`, { kind: 'walk', startedAt: new Date(now.getTime() - 7_200_000).toISOString(), minutes: 25 })).statusCode },
        { name: 'a muscle note', write: async () => (await b.put(`${base}/muscle-notes/${noteId}`, { muscle: 'obliques', feels: 'tight' })).statusCode },
        { name: 'removing the muscle note', write: async () => (await b.delete(`${base}/muscle-notes/${noteId}`)).statusCode },
        { name: 'other styles', write: async () => (await b.put('/api/v1/preferences', { styles: ['yoga', 'ballet'], sessionMinutes: 20 })).statusCode, changes: true },
        { name: 'a therapist hiding a movement', write: async () => (await pt.put(`${base}/plan-edits/${randomUUID()}`, { kind: 'hide', exerciseId: ids(last)[0] })).statusCode, changes: true },
        { name: 'a therapist note', write: async () => (await pt.put(`${base}/plan-edits/${randomUUID()}`, { kind: 'note', text: 'Go gently today.' })).statusCode, changes: true },
        { name: 'a clinician check', write: async () => (await b.put(`${base}/clinician-check`, { seenOn: today })).statusCode },
        { name: 'new leg pain', write: async () => (await b.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: new Date(now.getTime() - 60_000).toISOString(), painNow: 3, regions: [{ region: 'low-back-center', pain: 3 }, { region: 'thigh-back-left', pain: 4 }] }))).statusCode, changes: true },
        { name: 'the next day', write: async () => ((now = new Date(now.getTime() + DAY_MS)), 200), changes: true },
      ];
      for (const step of steps) {
        expect(await step.write(), step.name).toBeLessThan(300);
        const answer = await todayOf(a);
        expect(answer, step.name).toEqual(await fresh());
        if (step.changes) expect(answer, step.name).not.toEqual(last);
        last = answer;
      }
    } finally {
      await other.close();
    }
  });

  it('is kept while nothing changes: a write the generation does not see is not noticed (which is why every input has a trigger)', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode({ onsetDate: addDays(now.toISOString().slice(0, 10), -3), painNow: 5 });
    const kept = (await a.get(`/api/v1/episodes/${id}/today`)).json() as Today;
    const disable = backend.name === 'sqlite' ? sql`DROP TRIGGER plan_input_preferences_insert` : sql`ALTER TABLE preferences DISABLE TRIGGER plan_input_preferences`;
    await disable.execute(ctx.store.db);
    const person = (await a.get('/api/v1/me')).json() as { id: string };
    await sql`insert into preferences (person_id, styles, session_minutes, updated_at) values (${person.id}, ${JSON.stringify(['capoeira'])}, ${30}, ${now.toISOString()})`.execute(ctx.store.db);
    expect((await a.get(`/api/v1/episodes/${id}/today`)).json()).toEqual(kept);
    expect(await freshAnswer(instance, a.cookie, `/api/v1/episodes/${id}/today`)).not.toEqual(kept);
  });
});
